package org.psybiome.systemtests.matrix;

/** One caller of the matrix: a role and consortium with a valid token, or a kind of bad token. */
record Cell(String label, String role, boolean ownConsortium, Credential credential) {

  enum Credential {
    VALID,
    NONE,
    EXPIRED,
    TAMPERED,
    UNTRUSTED_KEY
  }
}
