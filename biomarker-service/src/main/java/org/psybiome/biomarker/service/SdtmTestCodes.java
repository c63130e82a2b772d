package org.psybiome.biomarker.service;

import java.util.function.Predicate;

/**
 * SDTM test codes and names for analytes a curator adds (V17 set those of the seeded catalogue).
 * SDTMIG 3.x: a test code (LBTESTCD) has at most 8 letters, digits or underscores and starts with a
 * letter; a test name (LBTEST) has at most 40 characters.
 */
final class SdtmTestCodes {

  static final int MAX_CODE = 8;
  static final int MAX_NAME = 40;

  private SdtmTestCodes() {}

  /**
   * The analyte code without underscores, cut at 8 characters; when another analyte has that, its
   * first characters and a number from 2 up (IL6_SERUM_FREE → IL6SERUM, then IL6SERU2). Analyte
   * codes start with a letter, so the test code does too.
   */
  static String derive(String analyteCode, Predicate<String> taken) {
    String base = analyteCode.replace("_", "");
    String candidate = cut(base, MAX_CODE);
    for (int n = 2; taken.test(candidate); n++) {
      String suffix = Integer.toString(n);
      candidate = cut(base, MAX_CODE - suffix.length()) + suffix;
    }
    return candidate;
  }

  /**
   * The analyte's name; a longer one than 40 characters is cut at the last blank within them (not
   * mid-word), and punctuation left at the end is removed.
   */
  static String testName(String name) {
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String head = name.substring(0, MAX_NAME + 1);
    int blank = head.lastIndexOf(' ');
    String cut = blank > 0 ? head.substring(0, blank) : name.substring(0, MAX_NAME);
    return cut.replaceAll("[\\s,;:(\\-]+$", "");
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
