package org.psybiome.devtools.upload;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The Idempotency-Key of each batch of a file: the SHA-256 of the file's content hash, the trial,
 * the format, the split's limits (rows and bytes per batch) and the batch's index. The same file
 * sent again with the same limits gives every batch the key (and the body) it had, so the service
 * replays the batches it stored and stores the others; another file, trial or split gives other
 * keys.
 */
public final class IdempotencyKeys {

  /** Names how bodies are made from a file: changed whenever that changes, so keys do too. */
  static final String SCHEME = "psybiome-upload-v1";

  private final String fileSha256;
  private final String trialId;
  private final UploadFormat format;
  private final int batchRows;
  private final long batchBytes;

  public IdempotencyKeys(
      String fileSha256, String trialId, UploadFormat format, int batchRows, long batchBytes) {
    this.fileSha256 = fileSha256;
    this.trialId = trialId;
    this.format = format;
    this.batchRows = batchRows;
    this.batchBytes = batchBytes;
  }

  /** 64 hex digits (the service takes 1 to 255 visible ASCII characters). */
  public String of(int batchIndex) {
    String input =
        String.join(
            "\n",
            SCHEME,
            fileSha256,
            trialId,
            format.name(),
            Integer.toString(batchRows),
            Long.toString(batchBytes),
            Integer.toString(batchIndex));
    return HexFormat.of()
        .formatHex(FileDigest.sha256().digest(input.getBytes(StandardCharsets.UTF_8)));
  }
}
