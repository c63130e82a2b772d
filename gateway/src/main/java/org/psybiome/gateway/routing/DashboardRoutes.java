package org.psybiome.gateway.routing;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.config.GatewayConfig.Oidc;

/**
 * What the dashboard's files need from the gateway's settings: {@code /dashboard/config.json} (the
 * sign-in the page offers) and the Content Security Policy on {@code /}, {@code /index.html} and
 * {@code /dashboard/*} ({@link DashboardPolicy}). The file is the page's, not the API's: it is not
 * under {@code /api/v1}, is read without a token, and names only what the browser is shown anyway
 * on the provider's sign-in page (issuer, public client id, scopes).
 */
@ApplicationScoped
public class DashboardRoutes {

  static final String CONFIG_PATH = "/dashboard/config.json";

  private final Optional<Oidc> oidc;
  private final String policy;
  private final String pageConfig;

  DashboardRoutes(GatewayConfig config) {
    this.oidc = config.dashboard().oidc();
    // a bad issuer stops the gateway at startup (the router is built then), naming the setting
    this.policy = DashboardPolicy.contentSecurityPolicy(oidc);
    this.pageConfig = pageConfig(oidc).encode();
  }

  /** {@code {"oidc": null}}, or the issuer, client id and scopes (openid always among them). */
  static JsonObject pageConfig(Optional<Oidc> oidc) {
    return new JsonObject()
        .put(
            "oidc",
            oidc.map(
                    o -> {
                      JsonArray scopes = new JsonArray().add("openid");
                      o.scopes().orElse(List.of()).stream()
                          .filter(s -> !s.isBlank() && !s.equals("openid"))
                          .forEach(scopes::add);
                      return new JsonObject()
                          .put("issuer", o.issuer().toString())
                          .put("clientId", o.clientId())
                          .put("scopes", scopes);
                    })
                .orElse(null));
  }

  void install(@Observes Router router) {
    router
        .routeWithRegex("^/$|^/index\\.html$|^/dashboard/.*")
        .order(-100)
        .handler(
            ctx -> {
              ctx.addHeadersEndHandler(
                  v -> ctx.response().headers().set("Content-Security-Policy", policy));
              ctx.next();
            });
    router
        .get(CONFIG_PATH)
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    // read again on each load: a changed setting reaches open tabs at once
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(pageConfig));
  }
}
