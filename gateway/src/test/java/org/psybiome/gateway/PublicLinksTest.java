package org.psybiome.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psybiome.gateway.routing.PublicLinks;

/** Links from the services name the gateway's public address; expected values written by hand. */
class PublicLinksTest {

  private static final List<URI> SERVICES =
      List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://biomarker-service:8082"));
  private static final String TRIAL = "http://127.0.0.1:8081/api/v1/trials/PSB-2026-000001";

  private final PublicLinks unconfigured = new PublicLinks(Optional.empty(), SERVICES);
  private final PublicLinks configured =
      new PublicLinks(Optional.of(URI.create("https://api.psybiome.example/")), SERVICES);

  @Test
  void withoutProxyOrConfigurationTheHostTheClientUsedIsNamed() {
    assertEquals(
        "http://gateway.local:8080/api/v1/trials/PSB-2026-000001",
        unconfigured.rewrite(TRIAL, Map.of("Host", "gateway.local:8080")::get, "http"));
  }

  @Test
  void theConfiguredPublicUrlComesNext() {
    assertEquals(
        "https://api.psybiome.example/api/v1/batches/6f1c?x=1",
        configured.rewrite(
            "http://biomarker-service:8082/api/v1/batches/6f1c?x=1",
            Map.of("Host", "10.0.0.5:8080")::get,
            "http"));
  }

  @Test
  void aForwardedHeaderWinsOverTheConfiguration() {
    assertEquals(
        "https://registry.example.org/api/v1/trials/PSB-2026-000001",
        configured.rewrite(
            TRIAL,
            Map.of(
                    "Host", "10.0.0.5:8080",
                    "Forwarded",
                        "for=192.0.2.60;proto=https;host=\"registry.example.org\", for=10.0.0.1")
                ::get,
            "http"));
  }

  @Test
  void xForwardedHeadersGiveSchemeHostPortAndPrefix() {
    assertEquals(
        "https://edge.example.org:8443/psybiome/api/v1/trials/PSB-2026-000001",
        unconfigured.rewrite(
            TRIAL,
            Map.of(
                    "X-Forwarded-Host", "edge.example.org, inner.example",
                    "X-Forwarded-Proto", "https",
                    "X-Forwarded-Port", "8443",
                    "X-Forwarded-Prefix", "/psybiome/")
                ::get,
            "http"));
  }

  @Test
  void aRelativeLinkIsMadeAbsoluteAndOneElsewhereIsLeftAlone() {
    assertEquals(
        "http://gw:8080/api/v1/analytes/CRP",
        unconfigured.rewrite("/api/v1/analytes/CRP", Map.of("Host", "gw:8080")::get, "http"));
    assertEquals(
        "https://doi.org/10.1000/x",
        unconfigured.rewrite("https://doi.org/10.1000/x", Map.of("Host", "gw:8080")::get, "http"));
  }
}
