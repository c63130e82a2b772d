package org.psybiome.systemtests.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.ServiceProcess;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Trials;

/**
 * The dashboard's OpenID Connect sign-in (authorization code with PKCE) against a real provider,
 * NAV's mock-oauth2-server, run in this JVM on loopback with its interactive login.
 *
 * <p>The stack's services trust the run's own token signer and its issuer; an OpenID provider names
 * itself by its own URL ({@code http://127.0.0.1:PORT/psybiome}), and a resource server trusts one
 * issuer. So, as an operator would, this test points a gateway and a replica of each service (same
 * databases and broker as the stack) at the provider: {@code mp.jwt.verify.issuer} is the
 * provider's issuer and {@code mp.jwt.verify.publickey.location} its {@code jwks_uri}; the gateway
 * is told the issuer and the dashboard's public client id. The provider puts the claims the
 * services read ({@code groups}, {@code consortium}) into its tokens for the user who signs in
 * ({@code requestMappings} on the login name). Nothing is signed with the stack's key, so what the
 * page shows was read with the provider's token alone.
 */
@ExtendWith(StackExtension.class)
class OidcSignInIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ISSUER_ID = "psybiome";
  private static final String CLIENT_ID = "psybiome-dashboard";
  private static final String USER = "statistician@" + DemoData.CONSORTIUM;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final List<ServiceProcess> STARTED = new ArrayList<>();
  private static MockOAuth2Server provider;
  private static PsybiomeStack stack;
  private static String issuer;
  private static String gateway;
  private static String trialId;

  @BeforeAll
  static void providerAndAStackThatTrustsIt(PsybiomeStack running) throws Exception {
    Browser.requireInstalled();
    stack = running;
    trialId = DemoData.load(stack);

    Path loginPage = Path.of(OidcSignInIT.class.getResource("/oidc/login.html").toURI());
    provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson(providerConfig(loginPage)));
    provider.start(InetAddress.getByName("127.0.0.1"), 0);
    issuer = "http://127.0.0.1:" + provider.baseUrl().port() + "/" + ISSUER_ID;

    Map<String, String> trust =
        Map.of(
            "mp.jwt.verify.issuer", issuer, "mp.jwt.verify.publickey.location", issuer + "/jwks");
    ServiceProcess trialService =
        stack.extraService("trial-service-oidc", "trial-service", stack.trialDatabase(), trust);
    STARTED.add(trialService);
    ServiceProcess biomarkerService =
        stack.extraService(
            "biomarker-service-oidc", "biomarker-service", stack.biomarkerDatabase(), trust);
    STARTED.add(biomarkerService);
    Map<String, String> settings = new HashMap<>(trust);
    settings.put("psybiome.gateway.trial-service-url", trialService.baseUri().toString());
    settings.put("psybiome.gateway.biomarker-service-url", biomarkerService.baseUri().toString());
    settings.put("psybiome.gateway.dashboard.oidc.issuer", issuer);
    settings.put("psybiome.gateway.dashboard.oidc.client-id", CLIENT_ID);
    settings.put("psybiome.gateway.dashboard.oidc.scopes", "openid,profile");
    ServiceProcess oidcGateway = stack.extraGateway("gateway-oidc", settings);
    STARTED.add(oidcGateway);
    gateway = oidcGateway.baseUri().toString().replaceAll("/$", "");
  }

  @AfterAll
  static void stop() {
    for (int i = STARTED.size() - 1; i >= 0; i--) {
      STARTED.get(i).stop();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  /**
   * mock-oauth2-server's JSON configuration: an interactive login (our own plain form, so the page
   * loads nothing from the internet) and, for the issuer {@code psybiome}, the claims of the user
   * who signs in as {@link #USER}.
   */
  private static String providerConfig(Path loginPage) throws Exception {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", USER);
    claims.put("groups", List.of("statistician"));
    claims.put("consortium", DemoData.CONSORTIUM);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("interactiveLogin", true);
    config.put("loginPagePath", loginPage.toString());
    config.put(
        "tokenCallbacks",
        List.of(
            Map.of(
                "issuerId",
                ISSUER_ID,
                "tokenExpiry",
                3600,
                "requestMappings",
                List.of(Map.of("requestParam", "subject", "match", USER, "claims", claims)))));
    return Trials.JSON.writeValueAsString(config);
  }

  @Test
  void signsInAtTheProviderAndSeesTheConsortiumsData() throws Exception {
    HttpResponse<String> index =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    String issuerOrigin = "http://127.0.0.1:" + provider.baseUrl().port();
    // the page may connect to this gateway and to the issuer, nowhere else
    assertThat(index.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("; connect-src 'self' " + issuerOrigin + ";");
    assertThat(get(gateway + "/dashboard/config.json", null).toString())
        .isEqualTo(
            "{\"oidc\":{\"issuer\":\""
                + issuer
                + "\",\"clientId\":\""
                + CLIENT_ID
                + "\",\"scopes\":[\"openid\",\"profile\"]}}");

    try (Browser browser = new Browser(1280, 1500)) {
      var driver = browser.driver();
      var js = (JavascriptExecutor) driver;
      driver.get(gateway + "/#/trials/" + trialId);
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("trds-24")));
      assertThat(driver.findElements(By.id("overview"))).as("no data before signing in").isEmpty();
      driver.findElement(By.id("signin-summary")).click();
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin")))
          .click();

      // at the provider: an authorization request with PKCE (S256), state and nonce, no secret
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      String authorize = driver.getCurrentUrl();
      assertThat(authorize).startsWith(issuer + "/authorize?");
      Map<String, String> request = query(URI.create(authorize));
      assertThat(request)
          .containsEntry("response_type", "code")
          .containsEntry("client_id", CLIENT_ID)
          .containsEntry("redirect_uri", gateway + "/")
          .containsEntry("scope", "openid profile")
          .containsEntry("code_challenge_method", "S256")
          .containsKeys("state", "nonce")
          .doesNotContainKey("client_secret");
      // RFC 7636 §4.2: BASE64URL(SHA-256(verifier)) of a 32-byte verifier is 43 characters
      assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
      assertThat(request.get("state")).matches("[A-Za-z0-9_-]{43}");
      driver.findElement(By.id("username")).sendKeys(USER);
      driver.findElement(By.id("login")).click();

      // back on the trial page it started from, signed in, the code gone from the address bar
      DashboardPages.awaitSignedInSections(browser, WAIT);
      assertThat(driver.getCurrentUrl()).isEqualTo(gateway + "/#/trials/" + trialId);
      String token = (String) js.executeScript("return sessionStorage.getItem('psybiome.token')");
      assertThat(token).as("access token in session storage").isNotBlank();
      assertThat(js.executeScript("return localStorage.length")).isEqualTo(0L);
      assertThat(js.executeScript("return sessionStorage.getItem('psybiome.oidc.pending')"))
          .as("the sign-in's state, nonce and verifier are forgotten")
          .isNull();
      // the provider's token, with the claims the services read
      JsonNode claims = payload(token);
      assertThat(claims.get("iss").asText()).isEqualTo(issuer);
      assertThat(claims.get("sub").asText()).isEqualTo(USER);
      assertThat(claims.get("consortium").asText()).isEqualTo(DemoData.CONSORTIUM);
      assertThat(claims.get("groups").toString()).isEqualTo("[\"statistician\"]");
      // all the services were given (the gateway README lists these): no audience, no upn
      List<String> names = new ArrayList<>();
      claims.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactlyInAnyOrder(
              "iss", "sub", "iat", "nbf", "exp", "jti", "nonce", "groups", "consortium");
      assertThat(driver.findElement(By.id("signin-summary")).getText())
          .isEqualTo(USER + " · statistician · " + DemoData.CONSORTIUM);

      // the consortium's data: the overview the API gives this token, per arm (unblinded role)
      JsonNode overview = get(gateway + "/api/v1/trials/" + trialId + "/overview", token);
      assertThat(overview.path("results").path("total").asLong()).isPositive();
      assertThat(driver.findElement(By.id("results-total")).getText())
          .isEqualTo(overview.path("results").path("total").asText());
      assertThat(
              driver.findElements(By.cssSelector("#trajectory-table tbody tr")).stream()
                  .map(r -> r.getAttribute("data-series"))
                  .distinct()
                  .count())
          .as("one series per arm")
          .isGreaterThan(1);
      // and the stack that trusts only its own signer refuses it: the data came with this token
      HttpResponse<String> elsewhere =
          HTTP.send(
              HttpRequest.newBuilder(
                      stack.gatewayUri().resolve("/api/v1/trials/" + trialId + "/overview"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(elsewhere.statusCode()).isEqualTo(401);

      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  @Test
  void anAnswerWithATamperedStateIsRefused() {
    try (Browser browser = new Browser(1280, 900)) {
      var driver = browser.driver();
      var js = (JavascriptExecutor) driver;
      driver.get(gateway + "/");
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("trial-results")));
      driver.findElement(By.id("signin-summary")).click();
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin")))
          .click();
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      // the provider answers whatever state the request carries: an attacker's request
      String authorize = driver.getCurrentUrl();
      String forged = authorize.replaceFirst("([?&]state=)[^&]+", "$1forged-by-someone-else");
      assertThat(forged).isNotEqualTo(authorize);
      driver.get(forged);
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys(USER);
      driver.findElement(By.id("login")).click();

      // back at the dashboard with a real code and the wrong state: refused, the code never used
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-message")));
      assertThat(driver.findElement(By.id("signin-message")).getText())
          .contains("Sign-in refused", "state does not match");
      assertThat(driver.getCurrentUrl()).startsWith(gateway + "/").doesNotContain("code=");
      assertThat(js.executeScript("return sessionStorage.getItem('psybiome.token')")).isNull();
      assertThat(js.executeScript("return sessionStorage.getItem('psybiome.oidc.pending')"))
          .isNull();
      assertThat(driver.findElement(By.id("signin-summary")).getText()).isEqualTo("Sign in");
      assertThat(browser.requestedUrls()).noneMatch(u -> u.startsWith(issuer + "/token"));
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  @Test
  void thePageCannotConnectAnywhereButTheGatewayAndTheIssuer() {
    try (Browser browser = new Browser(1280, 900)) {
      var driver = browser.driver();
      driver.get(gateway + "/");
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("trial-results")));
      String elsewhere = stack.gatewayUri().resolve("/api/v1/trials").toString();
      Object outcome =
          driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + " Promise.all([fetch(arguments[0]).then(() => 'reached', () => 'refused'),"
                  + " fetch(arguments[1]).then((r) => 'reached ' + r.status, () => 'refused')])"
                  + ".then(done);",
              elsewhere,
              issuer + "/.well-known/openid-configuration");
      assertThat(outcome).isEqualTo(List.of("refused", "reached 200"));
      assertThat(browser.errors())
          .anyMatch(e -> e.contains("Content Security Policy") && e.contains(elsewhere));
    }
  }

  private static JsonNode payload(String jwt) {
    return Trials.parse(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static JsonNode get(String url, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return Trials.parse(response.body());
  }
}
