package org.psybiome.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psybiome.gateway.config.GatewayConfig.Oidc;

/**
 * The dashboard's Content Security Policy lets the page connect to this gateway and, when sign-in
 * is configured, to the issuer's origin only; an issuer that would send tokens in clear text over a
 * network is refused. Expected strings written out by hand from CSP Level 3 (a source expression is
 * scheme://host[:port], no path).
 */
class DashboardPolicyTest {

  private static final String WITHOUT_SIGN_IN =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors"
          + " 'none'; form-action 'self'";

  @Test
  void withoutSignInThePageConnectsToThisGatewayOnly() {
    assertThat(DashboardPolicy.contentSecurityPolicy(Optional.empty())).isEqualTo(WITHOUT_SIGN_IN);
    assertThat(DashboardRoutes.pageConfig(Optional.empty()).encode()).isEqualTo("{\"oidc\":null}");
  }

  @Test
  void withSignInTheIssuersOriginIsAddedToConnectSrcAndNothingElse() {
    Optional<Oidc> oidc =
        Optional.of(oidc("https://login.example.org:8443/realms/psybiome", List.of("openid")));
    assertThat(DashboardPolicy.contentSecurityPolicy(oidc))
        .isEqualTo(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src"
                + " 'self' data:; connect-src 'self' https://login.example.org:8443; object-src"
                + " 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  }

  @Test
  void thePageIsToldTheIssuerClientAndScopesWithOpenidFirstAndOnce() {
    Optional<Oidc> oidc =
        Optional.of(
            oidc("https://login.example.org/realms/psybiome", List.of("profile", "openid")));
    assertThat(DashboardRoutes.pageConfig(oidc).encode())
        .isEqualTo(
            "{\"oidc\":{\"issuer\":\"https://login.example.org/realms/psybiome\","
                + "\"clientId\":\"psybiome-dashboard\",\"scopes\":[\"openid\",\"profile\"]}}");
  }

  @Test
  void httpIsAcceptedOnlyOnALoopbackAddress() {
    assertThat(DashboardPolicy.issuerOrigin(URI.create("http://127.0.0.1:9000/psybiome")))
        .isEqualTo("http://127.0.0.1:9000");
    assertThat(DashboardPolicy.issuerOrigin(URI.create("http://localhost:9000/")))
        .isEqualTo("http://localhost:9000");
    assertThat(DashboardPolicy.issuerOrigin(URI.create("http://[::1]:9000/x")))
        .isEqualTo("http://[::1]:9000");
    for (String bad :
        List.of(
            "http://login.example.org/realms/psybiome",
            "http://10.0.0.5/realms/psybiome",
            "ftp://login.example.org/",
            "https://login.example.org/realms/psybiome?x=1",
            "https://login.example.org/#f",
            "/realms/psybiome")) {
      assertThatThrownBy(() -> DashboardPolicy.issuerOrigin(URI.create(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("psybiome.gateway.dashboard.oidc.issuer");
    }
  }

  private static Oidc oidc(String issuer, List<String> scopes) {
    return new Oidc() {
      @Override
      public URI issuer() {
        return URI.create(issuer);
      }

      @Override
      public String clientId() {
        return "psybiome-dashboard";
      }

      @Override
      public Optional<List<String>> scopes() {
        return Optional.of(scopes);
      }
    };
  }
}
