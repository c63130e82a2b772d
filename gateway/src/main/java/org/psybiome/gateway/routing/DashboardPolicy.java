package org.psybiome.gateway.routing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.psybiome.gateway.config.GatewayConfig.Oidc;

/**
 * The Content Security Policy of the dashboard's files: everything from this gateway, no inline
 * script; the page may connect to the configured OpenID Connect issuer's origin (its discovery
 * document and token endpoint) and to nothing else.
 */
public final class DashboardPolicy {

  private static final String BEFORE_CONNECT =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'";
  private static final String AFTER_CONNECT =
      "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private DashboardPolicy() {}

  /** The header value: {@code connect-src 'self'}, plus the issuer's origin when one is set. */
  public static String contentSecurityPolicy(Optional<Oidc> oidc) {
    return BEFORE_CONNECT
        + oidc.map(o -> " " + issuerOrigin(o.issuer())).orElse("")
        + AFTER_CONNECT;
  }

  /**
   * {@code scheme://host[:port]} of the issuer. Only https is accepted, or http to a loopback
   * address (a provider on the same machine): tokens must not cross a network in clear text.
   *
   * @throws IllegalArgumentException for any other issuer, or one with a query or fragment (OpenID
   *     Connect Discovery 1.0 §2 allows neither)
   */
  public static String issuerOrigin(URI issuer) {
    String scheme = issuer.getScheme() == null ? "" : issuer.getScheme().toLowerCase(Locale.ROOT);
    String host = issuer.getHost();
    if (host == null || issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "psybiome.gateway.dashboard.oidc.issuer must be an absolute URL without query or"
              + " fragment: "
              + issuer);
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback(host))) {
      throw new IllegalArgumentException(
          "psybiome.gateway.dashboard.oidc.issuer must be https (http only on a loopback address): "
              + issuer);
    }
    return scheme + "://" + host + (issuer.getPort() == -1 ? "" : ":" + issuer.getPort());
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // only literal addresses: a name is never looked up here
    if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replaceAll("^\\[|\\]$", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
