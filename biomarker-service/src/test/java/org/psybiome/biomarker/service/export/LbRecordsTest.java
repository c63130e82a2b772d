package org.psybiome.biomarker.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SDTM study days and LB units, expected values counted by hand on a calendar. */
class LbRecordsTest {

  private static final LocalDate REFERENCE = LocalDate.of(2024, 2, 28);

  @Test
  void studyDaysHaveNoDayZero() {
    assertThat(LbRecords.studyDay(REFERENCE, REFERENCE)).isEqualTo(1);
    assertThat(LbRecords.studyDay(REFERENCE, LocalDate.of(2024, 2, 27))).isEqualTo(-1);
    // 2024 is a leap year: Feb 28 → Feb 29 → Mar 1 is 2 days, day 3
    assertThat(LbRecords.studyDay(REFERENCE, LocalDate.of(2024, 3, 1))).isEqualTo(3);
    // 2023-12-31 is 31 + 28 = 59 days before 2024-02-28
    assertThat(LbRecords.studyDay(REFERENCE, LocalDate.of(2023, 12, 31))).isEqualTo(-59);
    assertThat(LbRecords.studyDay(null, REFERENCE)).isNull();
  }

  @Test
  void unitsLoseUcumBracketsAndUnity() {
    assertThat(LbRecords.unit("u[IU]/mL")).isEqualTo("uIU/mL");
    assertThat(LbRecords.unit("pg/mL")).isEqualTo("pg/mL");
    assertThat(LbRecords.unit("1")).isNull();
  }
}
