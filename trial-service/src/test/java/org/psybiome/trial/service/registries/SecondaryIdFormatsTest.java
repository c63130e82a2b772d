package org.psybiome.trial.service.registries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psybiome.trial.model.SecondaryRegistry;

/**
 * Ids as each registry issues them. The valid ones are ids of registered trials (RECOVERY:
 * NCT04381936, ISRCTN50189673, EudraCT 2020-001113-21; Pfizer/BioNTech's COVID-19 vaccine trial
 * NCT04368728) or written in the format the registry publishes; the invalid ones are those with a
 * digit too few or too many, a missing part, or another registry's format.
 */
class SecondaryIdFormatsTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // ClinicalTrials.gov: NCT and 8 digits
    "NCT, NCT04381936",
    "NCT, NCT04368728",
    "NCT, NCT00000102",
    // ISRCTN registry: ISRCTN and 8 digits
    "ISRCTN, ISRCTN50189673",
    // ANZCTR: ACTRN and 14 digits (2 for the registry, 4 for the year, 8 sequence and check)
    "ACTRN, ACTRN12620000445976",
    // Iranian Registry: IRCT, the registration date and serial, N, the trial's number
    "IRCT, IRCT20200404046934N1",
    "IRCT, IRCT138804101990N1",
    // EudraCT: year, 6-digit sequence, 2 check digits
    "EUDRACT, 2020-001113-21",
    // CTIS (EU CT number): year, 6-digit sequence starting with 5, 2 check digits, 2 digits
    "CTIS, 2022-500014-26-00",
    // Chinese Clinical Trial Registry: current and older (with a type infix) formats
    "CHICTR, ChiCTR2000029308",
    "CHICTR, ChiCTR-IOR-17013519",
    // German Clinical Trials Register: DRKS and 8 digits
    "DRKS, DRKS00021208",
    // other registries are not checked
    "OTHER, UMIN000012345",
  })
  void acceptsIdsInTheirRegistrysFormat(SecondaryRegistry registry, String id) {
    assertThat(SecondaryIdFormats.problem(registry, id)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "NCT, NCT0438193", // 7 digits
    "NCT, NCT043819361", // 9 digits
    "NCT, 04381936", // no prefix
    "NCT, ISRCTN50189673", // another registry's id
    "ISRCTN, ISRCTN5018967",
    "ISRCTN, NCT04381936",
    "ACTRN, ACTRN1262000044597", // 13 digits
    "ACTRN, ACTRN126200004459761", // 15 digits
    "IRCT, IRCT20200404046934", // no N and trial number
    "IRCT, IRCT2020N1", // 4 digits
    "EUDRACT, 2020-01113-21", // 5-digit sequence
    "EUDRACT, 20-001113-21", // 2-digit year
    "EUDRACT, 2020-001113-21-00", // a CTIS-style suffix
    "CTIS, 2022-400014-26-00", // sequence not starting with 5
    "CTIS, 2020-001113-21", // an EudraCT number
    "CHICTR, ChiCTR20000", // too few digits
    "DRKS, DRKS0002120", // 7 digits
  })
  void refusesIdsNotInTheirRegistrysFormat(SecondaryRegistry registry, String id) {
    assertThat(SecondaryIdFormats.problem(registry, id))
        .hasValueSatisfying(p -> assertThat(p).startsWith("must be a " + registry + " id: "));
  }

  @ParameterizedTest
  @CsvSource({"' nct04381936 ', NCT04381936", "ChiCTR2000029308, CHICTR2000029308"})
  void comparesIdsTrimmedAndCaseInsensitively(String written, String normalised) {
    assertThat(SecondaryIdFormats.normalise(written)).isEqualTo(normalised);
  }
}
