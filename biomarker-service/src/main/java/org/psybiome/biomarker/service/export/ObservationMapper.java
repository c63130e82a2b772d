package org.psybiome.biomarker.service.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Device.DeviceNameType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.model.ResultView;
import org.psybiome.biomarker.model.Specimen;

/**
 * A stored result as a FHIR R4 Observation. No arm and nothing else of the allocation: the subject
 * is its participant code only.
 *
 * <ul>
 *   <li>status {@code final}, {@code amended} once a correction replaced the reported value;
 *   <li>category {@code laboratory}, {@code survey} for rating scales;
 *   <li>code: the LOINC code where the catalogue has one, and the analyte code of the catalogue;
 *   <li>subject: a reference by identifier only, the participant code in a system of the trial;
 *   <li>effectiveDateTime: when the sample was collected (UTC);
 *   <li>valueQuantity: the standard value in the catalogue's UCUM unit (system
 *       http://unitsofmeasure.org, code = unit); a censored result has the comparator and the
 *       limit;
 *   <li>specimen: a reference with a display only (Serum, Stool, ...);
 *   <li>the visit: the extension {@value #VISIT_EXTENSION} (valueString, the schedule's visit
 *       code);
 *   <li>the assay: {@code method} (text, as the lab reported it); the kit and its lot as a
 *       contained Device ({@code deviceName} of type model-name, {@code lotNumber}) that {@code
 *       device} refers to; the run and the run's limits of quantification (standard unit) and a
 *       stool result's wet or dry basis as notes, R4 having no element for them;
 *   <li>a QC verdict other than PASS: a note;
 *   <li>a collection outside the visit's window: a note (R4 has no element for it).
 * </ul>
 */
final class ObservationMapper {

  static final String BASE = "https://psybiome.org/fhir/";
  static final String RESULT_ID_SYSTEM = BASE + "NamingSystem/result-id";
  static final String ANALYTE_SYSTEM = BASE + "CodeSystem/analyte";
  static final String VISIT_EXTENSION = BASE + "StructureDefinition/trial-visit";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String CATEGORY_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  static final String OUT_OF_WINDOW_NOTE = "Collected outside the scheduled visit's window";

  private final String participantSystem;

  ObservationMapper(String trialId) {
    this.participantSystem = participantSystem(trialId);
  }

  /** The identifier system of a trial's participant codes: the code is unique in its trial. */
  static String participantSystem(String trialId) {
    return BASE + "trials/" + trialId + "/participants";
  }

  Observation observation(ResultView r, Analyte analyte) {
    Observation o = new Observation();
    o.setId("result-" + r.id());
    o.addIdentifier(new Identifier().setSystem(RESULT_ID_SYSTEM).setValue(Long.toString(r.id())));
    o.setStatus(r.corrected() ? ObservationStatus.AMENDED : ObservationStatus.FINAL);
    boolean scale = analyte.layer() == OmicsLayer.CLINICAL_SCALE;
    o.addCategory(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    CATEGORY_SYSTEM,
                    scale ? "survey" : "laboratory",
                    scale ? "Survey" : "Laboratory")));
    CodeableConcept code = new CodeableConcept();
    if (analyte.loinc() != null) {
      code.addCoding(new Coding().setSystem(LOINC).setCode(analyte.loinc()));
    }
    code.addCoding(new Coding(ANALYTE_SYSTEM, analyte.code(), analyte.name()));
    code.setText(analyte.name());
    o.setCode(code);
    o.setSubject(
        new Reference()
            .setIdentifier(
                new Identifier().setSystem(participantSystem).setValue(r.participant())));
    o.setEffective(new DateTimeType(r.collectedAt().toString()));
    Quantity value =
        new Quantity()
            .setValue(r.standardValue())
            .setUnit(r.standardUnit())
            .setSystem(UCUM)
            .setCode(r.standardUnit());
    if (r.comparator() != null) {
      value.setComparator(QuantityComparator.fromCode(r.comparator()));
    }
    o.setValue(value);
    if (r.specimen() != Specimen.NOT_APPLICABLE) {
      o.setSpecimen(new Reference().setDisplay(display(r.specimen())));
    }
    o.addExtension(VISIT_EXTENSION, new StringType(r.visit()));
    assay(o, r);
    if (r.qcStatus() != QcStatus.PASS) {
      o.addNote().setText("Quality control: " + r.qcStatus());
    }
    if (Boolean.TRUE.equals(r.outOfWindow())) {
      o.addNote().setText(OUT_OF_WINDOW_NOTE);
    }
    return o;
  }

  private static void assay(Observation o, ResultView r) {
    if (r.assayMethod() != null) {
      o.setMethod(new CodeableConcept().setText(r.assayMethod()));
    }
    if (r.assayKit() != null || r.assayLot() != null) {
      Device device = new Device();
      device.setId("assay");
      if (r.assayKit() != null) {
        device.addDeviceName().setName(r.assayKit()).setType(DeviceNameType.MODELNAME);
      }
      device.setLotNumber(r.assayLot());
      o.addContained(device);
      o.setDevice(new Reference("#assay"));
    }
    if (r.assayRun() != null) {
      o.addNote().setText("Assay run: " + r.assayRun());
    }
    if (r.lloq() != null || r.uloq() != null) {
      o.addNote().setText("Limits of quantification in this run: " + limits(r));
    }
    if (r.basis() != null) {
      o.addNote().setText("Per " + r.basis().toLowerCase(Locale.ROOT) + " mass of stool");
    }
  }

  /** "lower 0.5 pg/mL, upper 200 pg/mL", either part left out when not reported. */
  private static String limits(ResultView r) {
    List<String> parts = new ArrayList<>();
    if (r.lloq() != null) {
      parts.add("lower " + r.lloq().toPlainString() + " " + r.standardUnit());
    }
    if (r.uloq() != null) {
      parts.add("upper " + r.uloq().toPlainString() + " " + r.standardUnit());
    }
    return String.join(", ", parts);
  }

  /** Serum, Plasma, Whole blood, Cerebrospinal fluid, ... */
  static String display(Specimen specimen) {
    if (specimen == Specimen.CSF) {
      return "Cerebrospinal fluid";
    }
    String words = specimen.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
