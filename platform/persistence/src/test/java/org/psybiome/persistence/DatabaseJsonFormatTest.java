package org.psybiome.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.spi.UnknownBasicJavaType;
import org.junit.jupiter.api.Test;

/** What the JSON columns hold: plain Hibernate calls, no application. */
class DatabaseJsonFormatTest {

  record Visit(String code, LocalDate scheduled, Instant recordedAt, List<String> samples) {}

  private static final JavaType<Visit> VISIT = new UnknownBasicJavaType<>(Visit.class);

  private final DatabaseJsonFormat format = new DatabaseJsonFormat();

  @Test
  void writesDatesAndInstantsAsIso8601Text() {
    var visit =
        new Visit(
            "W4", LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T09:30:15.123Z"), List.of());

    // ISO 8601 calendar date and UTC instant, not Jackson's default numeric arrays/epoch seconds.
    assertThat(format.toString(visit, VISIT, null))
        .isEqualTo(
            "{\"code\":\"W4\",\"scheduled\":\"2026-03-01\","
                + "\"recordedAt\":\"2026-03-01T09:30:15.123Z\",\"samples\":[]}");
  }

  @Test
  void readsBackWhatItWrote() {
    var visit =
        new Visit(
            "W0",
            LocalDate.of(2025, 12, 31),
            Instant.parse("2025-12-31T23:59:59Z"),
            List.of("S-1", "S-2"));

    assertThat(format.fromString(format.toString(visit, VISIT, null), VISIT, null))
        .isEqualTo(visit);
  }

  @Test
  void toleratesPropertiesThatTheTypeNoLongerHas() {
    // A document stored by an older version of the type, with a field since removed.
    String stored =
        "{\"code\":\"W8\",\"scheduled\":\"2026-04-26\",\"recordedAt\":\"2026-04-26T08:00:00Z\","
            + "\"samples\":[\"S-9\"],\"window\":\"±3 days\"}";

    assertThat(format.fromString(stored, VISIT, null))
        .isEqualTo(
            new Visit(
                "W8",
                LocalDate.of(2026, 4, 26),
                Instant.parse("2026-04-26T08:00:00Z"),
                List.of("S-9")));
  }
}
