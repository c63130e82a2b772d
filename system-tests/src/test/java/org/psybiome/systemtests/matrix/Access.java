package org.psybiome.systemtests.matrix;

/**
 * Who may call an endpoint, as the access rules (docs/architecture.md) and the services' declared
 * roles say. Every bad token (expired, tampered, signed by an unknown key) is 401 whatever the
 * endpoint.
 */
enum Access {
  /** Public data (registered trials, the catalogue): anyone, with or without a token. */
  PUBLIC,
  /** A role's own business regardless of consortium (create a draft, curate the catalogue). */
  ROLE,
  /**
   * A change to a public record that only its consortium's role may make: a foreign consortium sees
   * the record anyway, so its refusal is 403.
   */
  OWNER_WRITE,
  /** The owning consortium's private data: an allowed role of a foreign consortium gets 404. */
  OWNER_PRIVATE,
  /** A draft: to anyone but its consortium it does not exist (404), even without a token. */
  DRAFT;

  /** The status a caller with a valid token should get. */
  int expected(boolean roleAllowed, boolean ownConsortium, int ok) {
    return switch (this) {
      case PUBLIC -> ok;
      case ROLE -> roleAllowed ? ok : 403;
      case OWNER_WRITE -> roleAllowed && ownConsortium ? ok : 403;
      case OWNER_PRIVATE -> !roleAllowed ? 403 : ownConsortium ? ok : 404;
      case DRAFT -> ownConsortium ? ok : 404;
    };
  }

  /** The status without a token. */
  int anonymous(int ok) {
    return switch (this) {
      case PUBLIC -> ok;
      case DRAFT -> 404;
      default -> 401;
    };
  }
}
