package org.psybiome.outbox;

/** Kafka did not take a batch (or create a topic) in time; the relay rolls back and retries. */
final class KafkaUnavailableException extends Exception {

  KafkaUnavailableException(String message, Throwable cause) {
    super(cause == null ? message : message + ": " + cause, cause);
  }
}
