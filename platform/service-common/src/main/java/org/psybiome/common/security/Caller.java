package org.psybiome.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as services need it for their rules: subject, roles and consortium. Anonymous
 * callers are allowed where the data is public (registered trials, the catalogue).
 */
@RequestScoped
public class Caller {

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  Caller(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  public boolean isAnonymous() {
    return identity.isAnonymous();
  }

  public String subject() {
    return isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public Set<String> roles() {
    return identity.getRoles();
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }

  /** The consortium named by the token, if the caller has one. */
  public Optional<String> consortium() {
    if (isAnonymous()) {
      return Optional.empty();
    }
    Object claim = token.getClaim(Roles.CONSORTIUM_CLAIM);
    if (claim == null) {
      return Optional.empty();
    }
    String value = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** True when the caller belongs to {@code consortium} and holds {@code role}. */
  public boolean actsFor(String consortium, String role) {
    return hasRole(role) && consortium().map(consortium::equals).orElse(false);
  }
}
