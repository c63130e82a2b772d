package org.psybiome.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psybiome.gateway.model.Upstream;

/** Where the services are, how long the gateway waits for them, and what it lets through. */
@ConfigMapping(prefix = "psybiome.gateway")
public interface GatewayConfig {

  /** Base URL of trial-service, e.g. {@code http://trial-service:8081}. */
  URI trialServiceUrl();

  /** Base URL of biomarker-service, e.g. {@code http://biomarker-service:8082}. */
  URI biomarkerServiceUrl();

  /** Base URL of {@code upstream}. */
  default URI urlOf(Upstream upstream) {
    return switch (upstream) {
      case TRIAL_SERVICE -> trialServiceUrl();
      case BIOMARKER_SERVICE -> biomarkerServiceUrl();
    };
  }

  /**
   * The gateway's own public URL, named as the server in the merged API document. Empty: the
   * document names the server relative to where it was fetched from ({@code /}).
   */
  Optional<URI> publicUrl();

  /** How long to wait for a connection to a service before answering 503. */
  @WithDefault("2S")
  Duration connectTimeout();

  /** A connection to a service that carries nothing, in use or not, for this long is closed. */
  @WithDefault("60S")
  Duration idleTimeout();

  /**
   * A connection back in the pool unused for this long is closed rather than reused (whole seconds,
   * at least one). Far below the services' own idle timeout (Quarkus' {@code
   * quarkus.http.idle-timeout}, 30 min), so the gateway always drops an idle connection first and
   * never writes a request onto one the service is closing.
   */
  @WithDefault("15S")
  Duration keepAliveTimeout();

  /** A service that sends nothing back for this long is given up on: 504. */
  @WithDefault("60S")
  Duration upstreamTimeout();

  /** Largest declared request body; ingestion batches of 100 000 rows are big. */
  @WithDefault("64M")
  MemorySize maxBodySize();

  RateLimit rateLimit();

  CircuitBreaker circuitBreaker();

  OpenApi openapi();

  Overview overview();

  Events events();

  /** The web dashboard served at {@code /}. */
  Dashboard dashboard();

  /** The dashboard's sign-in. */
  interface Dashboard {

    /**
     * OpenID Connect sign-in (authorization code with PKCE, a public client: no secret). Absent (no
     * {@code psybiome.gateway.dashboard.oidc.*} set): a user pastes a token, as before.
     */
    Optional<Oidc> oidc();
  }

  /** The issuer the dashboard signs users in with, and the client registered there for it. */
  interface Oidc {

    /**
     * The issuer identifier, exactly as the provider's discovery document and tokens name it: the
     * page reads {@code <issuer>/.well-known/openid-configuration}. https, or http on a loopback
     * address only.
     */
    URI issuer();

    /**
     * The dashboard's client id at the issuer: a public client, redirect URI {@code <gateway>/}.
     */
    String clientId();

    /**
     * Scopes asked for besides {@code openid}, which is always asked for (no default here: a
     * default would make the group present, and sign-in required, when nothing is set).
     */
    Optional<List<String>> scopes();
  }

  /** Token bucket per caller (token subject, else client IP), kept in each replica's memory. */
  interface RateLimit {

    /** Sustained rate a caller may send. */
    @WithDefault("50")
    int requestsPerSecond();

    /** Requests a caller may send at once after being quiet. */
    @WithDefault("100")
    int burst();

    /** A caller's bucket unused this long is dropped (it would be full again anyway). */
    @WithDefault("10M")
    Duration idleEviction();

    /**
     * Rates of their own for callers holding a role (by role name, e.g. {@code reader}: a dashboard
     * polls many endpoints for many viewers); a caller with several such roles gets the highest
     * rate. Callers without one get the rate above.
     */
    Map<String, RoleRate> roles();
  }

  /** A role's token bucket. */
  interface RoleRate {

    int requestsPerSecond();

    int burst();
  }

  /** Stops trying a service that keeps refusing connections. */
  interface CircuitBreaker {

    /** Consecutive connection failures that open the circuit. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open circuit answers 503 before one trial request is let through. */
    @WithDefault("10S")
    Duration coolDown();
  }

  /** The merged API document served at {@code /openapi.json}. */
  interface OpenApi {

    /** How often the services' documents are fetched again. */
    @WithDefault("60S")
    Duration refreshInterval();

    /** How long one service's document may take to arrive. */
    @WithDefault("5S")
    Duration fetchTimeout();
  }

  /** The composite trial overview, assembled from both services. */
  interface Overview {

    /**
     * How long the overview waits for a service. Far shorter than {@code upstream-timeout} (which
     * must let big batches through): a dashboard would rather have the trial without its results
     * than wait a minute.
     */
    @WithDefault("5S")
    Duration upstreamTimeout();

    /** At most this many summaries are fetched for one overview (one request each). */
    @WithDefault("12")
    int maxSummaries();
  }

  /** The live event feed ({@code GET /api/v1/events}). */
  interface Events {

    /**
     * The topics the feed reads. The allocations topic is refused at startup whatever this says: it
     * carries the arms of blinded trials.
     */
    @WithDefault("psybiome.trial.events,psybiome.biomarker.events")
    List<String> topics();

    /** Events kept in memory for every connection to read; older ones are read from Kafka. */
    @WithDefault("10000")
    int bufferSize();

    /** A comment is sent this often so that proxies do not close an idle stream. */
    @WithDefault("15S")
    Duration heartbeat();

    /** Connections resuming from further back than the buffer, each with its own Kafka reader. */
    @WithDefault("16")
    int maxCatchUps();

    /** How often the feed looks for new topics or partitions. */
    @WithDefault("30S")
    Duration partitionRefresh();

    /** How long the trial's consortium may take to be looked up at trial-service. */
    @WithDefault("3S")
    Duration ownerLookupTimeout();
  }
}
