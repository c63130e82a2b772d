package org.psybiome.trial.service.export;

import java.util.ArrayList;
import java.util.List;

/**
 * ClinicalTrials.gov's age groups of an age range (stdAges): CHILD up to 17 years, ADULT 18 to 64,
 * OLDER_ADULT 65 and over; a range is in every group it overlaps. An age is a number and a unit ("6
 * Months"); a missing bound is open.
 */
final class StandardAges {

  private StandardAges() {}

  static List<String> of(String minimumAge, String maximumAge) {
    double min = minimumAge == null ? 0 : years(minimumAge);
    double max = maximumAge == null ? Double.POSITIVE_INFINITY : years(maximumAge);
    List<String> groups = new ArrayList<>();
    if (min < 18) {
      groups.add("CHILD");
    }
    if (min < 65 && max >= 18) {
      groups.add("ADULT");
    }
    if (max >= 65) {
      groups.add("OLDER_ADULT");
    }
    return groups;
  }

  static double years(String age) {
    String[] parts = age.trim().split(" ");
    double n = Double.parseDouble(parts[0]);
    return switch (parts[1]) {
      case "Year", "Years" -> n;
      case "Month", "Months" -> n / 12;
      case "Week", "Weeks" -> n * 7 / 365.25;
      case "Day", "Days" -> n / 365.25;
      case "Hour", "Hours" -> n / (365.25 * 24);
      case "Minute", "Minutes" -> n / (365.25 * 24 * 60);
      default -> throw new IllegalArgumentException("not an age: " + age);
    };
  }
}
