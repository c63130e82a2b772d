package org.psybiome.systemtests.matrix;

import java.util.Set;
import java.util.function.Supplier;

/**
 * One row of the authorization matrix: an endpoint, a request to it that an allowed caller gets
 * {@code ok} for, and the rule that decides every other cell.
 *
 * @param ifMatch sent as If-Match; a stale one makes an allowed write end at 412 without changing
 *     anything, while every refusal must come before it
 * @param body made afresh per request (ids that must be unique), or null
 */
record EndpointRule(
    String method,
    String path,
    Access access,
    Set<String> roles,
    int ok,
    String contentType,
    Supplier<String> body,
    String ifMatch) {

  String name() {
    return method + " " + path;
  }

  /**
   * The path with the fixtures' ids in place of {T} (registered trial), {D} (draft), {B} (batch),
   * {P} (a participant of {T}).
   */
  String resolve(java.util.Map<String, String> fixtures) {
    String resolved = path;
    for (var fixture : fixtures.entrySet()) {
      resolved = resolved.replace("{" + fixture.getKey() + "}", fixture.getValue());
    }
    return resolved;
  }

  int expected(Cell cell) {
    return switch (cell.credential()) {
      case VALID -> access.expected(roles.contains(cell.role()), cell.ownConsortium(), ok);
      case NONE -> access.anonymous(ok);
      case EXPIRED, TAMPERED, UNTRUSTED_KEY -> 401;
    };
  }
}
