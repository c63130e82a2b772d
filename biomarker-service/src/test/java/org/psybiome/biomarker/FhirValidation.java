package org.psybiome.biomarker;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's FHIR R4 instance validator, offline: the R4 core profiles and value sets, and the code
 * systems HAPI knows itself (ISO 3166, UCUM, ...). Code systems it cannot reach (ICD-10, ICD-11,
 * LOINC) are reported as warnings, not errors. Built once: loading the profiles takes seconds.
 */
final class FhirValidation {

  static final FhirContext R4 = FhirContext.forR4Cached();

  private static final FhirValidator VALIDATOR = validator();

  private FhirValidation() {}

  private static FhirValidator validator() {
    ValidationSupportChain support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(R4),
            new InMemoryTerminologyServerValidationSupport(R4),
            new CommonCodeSystemsTerminologyService(R4));
    return R4.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
  }

  /** Every message about a resource given as JSON. */
  static List<SingleValidationMessage> validate(String json) {
    ValidationResult result = VALIDATOR.validateWithResult(json);
    return result.getMessages();
  }

  static List<SingleValidationMessage> errors(List<SingleValidationMessage> messages) {
    return messages.stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }

  static List<SingleValidationMessage> warnings(List<SingleValidationMessage> messages) {
    return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).toList();
  }
}
