package org.psybiome.devtools.upload;

/**
 * One batch of a file as it is sent: the body in the file's format, and for each of its rows (in
 * the order the service numbers them, 1-based) the file's line the row starts on.
 *
 * @param index 0-based, in file order
 * @param headerLine the file's line of a CSV header (repeated in every batch's body), else 0
 */
public record Batch(int index, byte[] body, int[] lines, int headerLine) {

  public int rows() {
    return lines.length;
  }

  public int firstLine() {
    return lines.length == 0 ? headerLine : lines[0];
  }

  public int lastLine() {
    return lines.length == 0 ? headerLine : lines[lines.length - 1];
  }

  /** Where an error of the whole batch is reported: a CSV header's line, else the first row's. */
  public int firstLineOrHeader() {
    return headerLine > 0 ? headerLine : firstLine();
  }

  /** The file's line of the batch's row {@code row} (1-based, as the service counts). */
  public int lineOf(int row) {
    return row >= 1 && row <= lines.length ? lines[row - 1] : firstLine();
  }
}
