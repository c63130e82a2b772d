package org.psybiome.biomarker.service;

/**
 * LOINC codes end in a mod-10 check digit; checking it catches mistyped and made-up codes that
 * would otherwise look plausible.
 */
final class LoincCodes {

  private LoincCodes() {}

  /** {@code code} is digits, a hyphen and the check digit of the digits, e.g. 26881-3. */
  static boolean hasValidCheckDigit(String code) {
    int hyphen = code.indexOf('-');
    if (hyphen < 1 || hyphen != code.length() - 2) {
      return false;
    }
    String digits = code.substring(0, hyphen);
    int sum = 0;
    // From the right, every other digit starting with the last is doubled (Luhn).
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (digit < 0 || digit > 9) {
        return false;
      }
      if (i % 2 == 0) {
        digit *= 2;
        sum += digit / 10 + digit % 10;
      } else {
        sum += digit;
      }
    }
    return (10 - sum % 10) % 10 == code.charAt(code.length() - 1) - '0';
  }
}
