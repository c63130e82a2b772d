package org.psybiome.devtools.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys from the file's content, trial, format, split and batch index. Expected values: {@code
 * src/test/resources/reference/upload_keys.py} (Python's hashlib), output in upload_keys.out.
 */
class IdempotencyKeysTest {

  @Test
  void keysAreTheSha256OfTheFilesHashTrialSplitAndIndex(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.csv");
    Files.writeString(file, "participant,visit\nP1,W0\n");
    String sha = FileDigest.sha256(file, read -> {});
    assertEquals("f3df0b1cebd92f432372d0532b9ff53d7e2d180669e407eb15b7ac056aab2a54", sha);

    IdempotencyKeys keys =
        new IdempotencyKeys(sha, "PSB-2026-000042", UploadFormat.CSV, 100_000, 32L << 20);
    assertEquals("9e30a79fbb92cbba8061dc581f5de63814f727282af850e70a81a6b0289fb64a", keys.of(0));
    assertEquals("8f8f3b824942b52b8a409c290155437f6fd532ed42e87f607fe4412b3b33e45e", keys.of(1));
  }

  @Test
  void anotherTrialOrSplitGivesOtherKeys() {
    String sha = "f3df0b1cebd92f432372d0532b9ff53d7e2d180669e407eb15b7ac056aab2a54";
    String key = new IdempotencyKeys(sha, "PSB-1", UploadFormat.CSV, 100, 1000).of(0);
    assertNotEquals(key, new IdempotencyKeys(sha, "PSB-2", UploadFormat.CSV, 100, 1000).of(0));
    assertNotEquals(key, new IdempotencyKeys(sha, "PSB-1", UploadFormat.CSV, 99, 1000).of(0));
    assertNotEquals(key, new IdempotencyKeys(sha, "PSB-1", UploadFormat.CSV, 100, 999).of(0));
    assertEquals(key, new IdempotencyKeys(sha, "PSB-1", UploadFormat.CSV, 100, 1000).of(0));
  }
}
