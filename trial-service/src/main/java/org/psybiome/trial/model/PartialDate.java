package org.psybiome.trial.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A date known to the day ({@code 2019-03-15}) or only to the month ({@code 2019-03}), as
 * registries publish them: a month-only date is kept as such, never given an invented day.
 */
@Schema(
    type = SchemaType.STRING,
    pattern = "^\\d{4}-\\d{2}(-\\d{2})?$",
    description = "YYYY-MM-DD, or YYYY-MM where only the month is known",
    example = "2019-03")
public record PartialDate(YearMonth month, Integer day) implements Comparable<PartialDate> {

  public PartialDate {
    if (day != null) {
      month.atDay(day); // throws for a day the month does not have
    }
  }

  @JsonCreator
  public static PartialDate parse(String text) {
    try {
      if (text.length() == 7) {
        return new PartialDate(YearMonth.parse(text), null);
      }
      LocalDate date = LocalDate.parse(text);
      return new PartialDate(YearMonth.from(date), date.getDayOfMonth());
    } catch (DateTimeException e) { // DateTimeParseException too, and a day the month lacks
      throw new IllegalArgumentException(
          "'" + text + "' is not a date (YYYY-MM-DD) or a month (YYYY-MM)", e);
    }
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(YearMonth.from(date), date.getDayOfMonth());
  }

  public boolean hasDay() {
    return day != null;
  }

  /** The date itself when the day is known, else null. */
  public LocalDate exactDate() {
    return day == null ? null : month.atDay(day);
  }

  /** The earliest day it may be. */
  public LocalDate earliest() {
    return day == null ? month.atDay(1) : month.atDay(day);
  }

  /** The latest day it may be. */
  public LocalDate latest() {
    return day == null ? month.atEndOfMonth() : month.atDay(day);
  }

  @JsonValue
  @Override
  public String toString() {
    return day == null ? month.toString() : month.atDay(day).toString();
  }

  /** Orders by the earliest day; a month sorts before the days within it. */
  @Override
  public int compareTo(PartialDate other) {
    int byDay = earliest().compareTo(other.earliest());
    return byDay != 0 ? byDay : Boolean.compare(hasDay(), other.hasDay());
  }
}
