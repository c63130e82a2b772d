package org.psybiome.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.psybiome.common.security.Roles;

/**
 * The caller as the edge verified it, for what the gateway serves itself (the overview, the event
 * feed). The edge has already checked the token's signature, issuer and expiry; the gateway's own
 * endpoints read the caller from here rather than parsing the token a second time.
 */
public record VerifiedCaller(String subject, Set<String> roles, Optional<String> consortium) {

  private static final String KEY = "psybiome.caller";

  public static final VerifiedCaller ANONYMOUS =
      new VerifiedCaller("anonymous", Set.of(), Optional.empty());

  public VerifiedCaller {
    roles = Set.copyOf(roles);
  }

  public static VerifiedCaller of(JsonWebToken token) {
    Object claim = token.getClaim(Roles.CONSORTIUM_CLAIM);
    String consortium =
        claim == null
            ? null
            : claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
    String subject = token.getSubject() != null ? token.getSubject() : token.getName();
    return new VerifiedCaller(
        subject,
        token.getGroups() == null ? Set.of() : token.getGroups(),
        consortium == null || consortium.isBlank() ? Optional.empty() : Optional.of(consortium));
  }

  public boolean isAnonymous() {
    return this == ANONYMOUS;
  }

  /** True when the caller belongs to {@code consortium} and holds {@code role}. */
  public boolean actsFor(String consortium, String role) {
    return roles.contains(role) && this.consortium.map(c -> c.equals(consortium)).orElse(false);
  }

  /** The caller of this exchange; anonymous when the edge saw no token. */
  public static VerifiedCaller of(RoutingContext ctx) {
    VerifiedCaller caller = ctx.get(KEY);
    return caller == null ? ANONYMOUS : caller;
  }

  public void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
  }
}
