package org.psybiome.biomarker.service.events;

/** An event that can never be applied, however often it is retried; it is logged and skipped. */
class MalformedEventException extends RuntimeException {

  MalformedEventException(String message) {
    super(message, null, false, false);
  }
}
