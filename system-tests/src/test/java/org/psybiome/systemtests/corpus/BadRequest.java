package org.psybiome.systemtests.corpus;

import java.util.Map;

/**
 * One generated request of the corpus: the endpoint it aims at (for the tally), what was done to
 * it, and the request itself. {@code body} is raw bytes so that invalid UTF-8 can be sent.
 */
record BadRequest(
    String endpoint,
    String kind,
    String method,
    String path,
    Map<String, String> headers,
    byte[] body) {

  @Override
  public String toString() {
    String shown = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "…(" + body.length + " bytes)";
    }
    return kind + " " + method + " " + path + " " + headers.keySet() + " " + shown;
  }
}
