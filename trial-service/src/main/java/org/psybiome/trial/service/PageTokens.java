package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/** Opaque page tokens: a small JSON object in URL-safe base64, checked on the way back in. */
final class PageTokens {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PageTokens() {}

  static String encode(Object position) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(JSON.writeValueAsBytes(position));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T decode(String token, Class<T> type) {
    try {
      return JSON.readValue(Base64.getUrlDecoder().decode(token), type);
    } catch (Exception e) {
      throw ProblemException.invalid(
          "pageToken is not one this service issued",
          java.util.List.of(Violation.of("pageToken", "is not a valid page token")));
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
