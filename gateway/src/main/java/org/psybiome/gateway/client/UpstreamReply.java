package org.psybiome.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service answered: its status and JSON body (an empty object when it sent none). */
public record UpstreamReply(int status, JsonNode body) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The {@code detail} of a problem body, or a generic text. */
  public String detail() {
    String detail = body.path("detail").asText("");
    return detail.isBlank() ? "status " + status : detail;
  }
}
