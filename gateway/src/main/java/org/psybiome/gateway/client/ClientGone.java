package org.psybiome.gateway.client;

/**
 * The client hung up before the service answered, so the gateway abandoned (reset) its exchange
 * with the service. Nothing is known of the service from it: it does not count towards opening the
 * service's circuit, and there is nobody left to answer.
 */
public class ClientGone extends RuntimeException {

  public ClientGone(Throwable cause) {
    super(cause.getMessage(), cause, false, false);
  }
}
