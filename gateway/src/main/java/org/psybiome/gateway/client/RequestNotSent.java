package org.psybiome.gateway.client;

/**
 * No connection to the service could be had for a request (refused, connect or pool timeout), so
 * nothing of it was sent: the service cannot have acted on it and a retry is safe. Any failure
 * after a connection was handed out may come after the service received the request.
 */
public class RequestNotSent extends RuntimeException {

  public RequestNotSent(Throwable cause) {
    super(cause.getMessage(), cause, false, false);
  }
}
