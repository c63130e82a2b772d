package org.psybiome.devtools.upload;

/** How an upload ended, and the exit code the command gives it. */
public enum UploadOutcome {
  /** Every batch stored or replayed (with --dry-run: every batch would be). */
  OK(0),
  /** The file cannot be read. */
  FILE(1),
  /** A wrong option or argument. */
  USAGE(2),
  /**
   * The service refused the file's rows (422), a body it cannot read (400) or too large (413), or
   * the file is not well-formed; every error is printed as {@code file:line field message}.
   */
  BAD_ROWS(3),
  /** No token, or the token was refused (401) or may not post results to this trial (403). */
  AUTH(4),
  /** 5xx, 429 or no answer after the retries. */
  SERVER(5),
  /** The trial: unknown to the token's consortium (404), withdrawn, or a conflict (409). */
  TRIAL(6);

  private final int exitCode;

  UploadOutcome(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
