package org.psybiome.systemtests.matrix;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One row of the authorization matrix: an endpoint, a request to it that an allowed caller gets
 * {@code ok} for, and the rule that decides every other cell.
 *
 * @param ifMatch sent as If-Match; a stale one makes an allowed write end at 412 without changing
 *     anything, while every refusal must come before it
 * @param body made afresh per request (ids that must be unique), or null
 * @param stream an answer that does not end by itself (the event feed): only its status and content
 *     type are read, then the connection is closed
 */
record EndpointRule(
    String method,
    String path,
    Access access,
    Set<String> roles,
    int ok,
    String contentType,
    Supplier<String> body,
    String ifMatch,
    boolean stream) {

  EndpointRule(
      String method,
      String path,
      Access access,
      Set<String> roles,
      int ok,
      String contentType,
      Supplier<String> body,
      String ifMatch) {
    this(method, path, access, roles, ok, contentType, body, ifMatch, false);
  }

  String name() {
    return method + " " + path;
  }

  /**
   * The path with the fixtures' ids in place of {T} (registered trial), {D} (draft), {B} (batch),
   * {P} (a participant of {T}) and the others the matrix names.
   */
  String resolve(java.util.Map<String, String> fixtures) {
    String resolved = path;
    for (var fixture : fixtures.entrySet()) {
      resolved = resolved.replace("{" + fixture.getKey() + "}", fixture.getValue());
    }
    return resolved;
  }

  /**
   * The operation of the API document ({@code METHOD /path/{template}}) this row calls: the
   * document's path with as many segments whose literal segments all equal this row's (a fixture or
   * a literal id stands for a template segment), the one with most literal segments winning, as
   * JAX-RS matches a literal path before a template.
   */
  Optional<String> operation(Set<String> documented) {
    String[] segments = path.split("\\?", 2)[0].split("/");
    return documented.stream()
        .filter(operation -> operation.startsWith(method + " "))
        .filter(operation -> matches(template(operation), segments))
        .max(Comparator.comparingLong(operation -> literals(template(operation))));
  }

  private static String[] template(String operation) {
    return operation.substring(operation.indexOf(' ') + 1).split("/");
  }

  private static boolean matches(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      if (!template[i].startsWith("{") && !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  private static long literals(String[] template) {
    return Arrays.stream(template).filter(segment -> !segment.startsWith("{")).count();
  }

  int expected(Cell cell) {
    return switch (cell.credential()) {
      case VALID -> access.expected(roles.contains(cell.role()), cell.ownConsortium(), ok);
      case NONE -> access.anonymous(ok);
      case EXPIRED, TAMPERED, UNTRUSTED_KEY -> 401;
    };
  }
}
