package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

  private final ResultRows rows = new ResultRows("BX", List.of("W0", "W4"), List.of(0, 28), 7);

  @Test
  void decimalsArePlainThousandths() {
    assertThat(ResultRows.decimal(12_345)).isEqualTo("12.345");
    assertThat(ResultRows.decimal(500)).isEqualTo("0.500");
    assertThat(ResultRows.decimal(7_000)).isEqualTo("7");
    assertThat(ResultRows.decimal(1_005)).isEqualTo("1.005");
  }

  @Test
  void aRowIsAFunctionOfItsIndex() {
    assertThat(rows.row(123)).isEqualTo(rows.row(123));
  }

  @Test
  void everySampleAndAnalyteOccursOnce() {
    Set<String> keys = new HashSet<>();
    long count = 3L * rows.rowsPerParticipant();
    for (long i = 0; i < count; i++) {
      ResultRows.Row row = rows.row(i);
      keys.add(row.sampleId() + "/" + row.analyte().code());
    }
    assertThat(keys).hasSize((int) count);
  }

  @Test
  void csvAndCopyCarryTheSameRow() {
    StringBuilder csv = new StringBuilder();
    StringBuilder copy = new StringBuilder();
    rows.appendCsv(csv, 40);
    rows.appendCopy(copy, 40, "PSB-1902-000001", "b");
    String[] csvFields = csv.toString().stripTrailing().split(",", -1);
    String[] copyFields = copy.toString().stripTrailing().split("\t", -1);
    assertThat(csvFields).hasSize(ResultRows.CSV_HEADER.split(",").length);
    assertThat(copyFields).hasSize(ResultRows.COPY_COLUMNS.split(",").length);
    assertThat(copyFields[2]).isEqualTo(csvFields[0]); // participant
    assertThat(copyFields[4]).isEqualTo(csvFields[2]); // sample
    assertThat(copyFields[10]).isEqualTo(csvFields[5]); // standard value = value sent
  }

  @Test
  void participantCodesAreNotRefusedAsPersonalData() {
    // trial-service refuses codes with 8-digit dates or 9+ digit numbers
    assertThat(rows.participant(4464))
        .matches("[A-Za-z0-9][A-Za-z0-9_-]{2,31}")
        .doesNotContainPattern("\\d{8,}");
  }

  /** Seeded rows are written as biomarker-service writes a batch: analyte, visit, participant. */
  @Test
  void theStorageOrderGroupsByAnalyteThenVisitThenParticipant() {
    long[] order = rows.storageOrder(3);
    assertThat(order).hasSize(3 * rows.rowsPerParticipant());
    assertThat(java.util.Arrays.stream(order).distinct().count()).isEqualTo(order.length);
    List<String> keys =
        java.util.Arrays.stream(order)
            .mapToObj(rows::row)
            .map(r -> r.analyte().code() + " " + r.visit() + " " + r.participant())
            .toList();
    // worked by hand: ACETATE sorts first of the 28 codes, W0 before W4, BX-00000 first
    assertThat(keys.subList(0, 4))
        .containsExactly(
            "ACETATE W0 BX-00000",
            "ACETATE W0 BX-00001",
            "ACETATE W0 BX-00002",
            "ACETATE W4 BX-00000");
    assertThat(keys).isSortedAccordingTo(java.util.Comparator.naturalOrder());
  }
}
