package org.psybiome.devtools.upload;

/** The file cannot be split into rows: where (its line) and why. */
public final class FileFormatException extends Exception {

  private final int line;

  public FileFormatException(int line, String message) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
