package org.psybiome.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every text body (JSON, NDJSON, CSV, plain text) is read through {@link StrictUtf8InputStream}, so
 * that no service stores text altered by a lenient decoder. Binary bodies are left alone.
 */
public class TextBodyCheck {

  @ServerRequestFilter
  public void checkText(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type != null && request.hasEntity() && isText(type)) {
      request.setEntityStream(new StrictUtf8InputStream(request.getEntityStream(), isJson(type)));
    }
  }

  private static boolean isText(MediaType type) {
    return type.getType().equalsIgnoreCase("text") || isJson(type);
  }

  private static boolean isJson(MediaType type) {
    String subtype = type.getSubtype().toLowerCase();
    return subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("x-ndjson");
  }
}
