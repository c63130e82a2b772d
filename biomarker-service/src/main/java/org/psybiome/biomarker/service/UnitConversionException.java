package org.psybiome.biomarker.service;

/** A reported unit that cannot be converted to the analyte's standard unit (a row error). */
public class UnitConversionException extends RuntimeException {

  public UnitConversionException(String message) {
    super(message, null, false, false);
  }
}
