package org.psybiome.gateway.client;

/**
 * What the gateway's own requests to a service carry of the caller's: its {@code Authorization} (so
 * the service applies its own visibility rules to the caller) and the correlation id. Either may be
 * null; a null header is not sent.
 */
public record CallerHeaders(String authorization, String correlationId) {

  /** For requests made on no caller's behalf (public data only). */
  public static final CallerHeaders NONE = new CallerHeaders(null, null);
}
