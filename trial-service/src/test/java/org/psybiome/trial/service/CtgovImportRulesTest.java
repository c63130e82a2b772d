package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.service.imports.CtgovDocuments;
import org.psybiome.trial.service.imports.CtgovStudyMapper;

/**
 * A record imported from a valid ClinicalTrials.gov document breaks no rule of the record: neither
 * its annotations nor ContentRules, on the day ClinicalTrials.gov published that version (its
 * derivedSection.miscInfoModule.versionHolder), so that no ACTUAL date lies in the future.
 */
class CtgovImportRulesTest {

  private static ValidatorFactory validators;
  private static Validator validator;

  private final CtgovStudyMapper mapper = CtgovDocuments.mapper();

  static List<String> ids() {
    return CtgovDocuments.IDS;
  }

  @BeforeAll
  static void validator() {
    validators = Validation.buildDefaultValidatorFactory();
    validator = validators.getValidator();
  }

  @AfterAll
  static void close() {
    validators.close();
  }

  @ParameterizedTest
  @MethodSource("ids")
  void theImportedRecordIsValid(String nctId) {
    var document = CtgovDocuments.document(nctId);
    TrialContent content = mapper.map(document).content();
    LocalDate published =
        LocalDate.parse(document.at("/derivedSection/miscInfoModule/versionHolder").asText());
    Clock thatDay = Clock.fixed(published.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    assertThat(new ContentRules(thatDay).check(content)).isEmpty();
    assertThat(validator.validate(content))
        .extracting(v -> v.getPropertyPath() + " " + v.getMessage())
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ids")
  void onlyEthicsAndTheContactsOfATrialThatRecruitsAreMissingToRegister(String nctId) {
    var study = mapper.map(CtgovDocuments.document(nctId));
    var status = study.lastKnownStatus() != null ? study.lastKnownStatus() : study.status();
    assertThat(new RegistrationRequirements().missing(study.content(), status))
        .extracting(v -> v.field())
        .isSubsetOf("ethicsReviews", "publicContact", "scientificContact", "ipdSharing")
        .contains("ethicsReviews");
  }
}
