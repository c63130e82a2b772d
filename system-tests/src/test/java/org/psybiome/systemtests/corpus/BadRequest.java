package org.psybiome.systemtests.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One generated request of the corpus: the operation of the API document it aims at, the kind of
 * mutation (one row of the printed table) and its variant, the status the API documents for it,
 * whether it is a write that gets past authentication and content negotiation to the reading and
 * checking of its body, and the request itself. {@code body} is raw bytes so that invalid UTF-8 can
 * be sent.
 */
record BadRequest(
    String operation,
    String kind,
    String variant,
    int expected,
    boolean reachesBody,
    String method,
    String path,
    Map<String, String> headers,
    byte[] body) {

  /** What makes a request the same as another: method, path, headers and body. */
  String identity() {
    return method
        + ' '
        + path
        + ' '
        + new java.util.TreeMap<>(headers)
        + ' '
        + (body == null ? "-" : Arrays.hashCode(body) + ":" + body.length + ":" + digest());
  }

  private String digest() {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "…(" + body.length + " bytes)";
    }
    return kind
        + "("
        + variant
        + ") expecting "
        + expected
        + ": "
        + method
        + " "
        + (path.length() > 300 ? path.substring(0, 300) + "…" : path)
        + " "
        + headers.keySet()
        + " "
        + shown;
  }
}
