package org.psybiome.gateway.edge;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.routing.Upstream;

/**
 * One circuit breaker per service. After {@code failureThreshold} consecutive failures to reach a
 * service its circuit opens: requests are refused at once for the cool-down instead of each waiting
 * on a dead connection. Then one trial request is let through (half-open); its success closes the
 * circuit, its failure opens it again. State is per replica.
 */
@ApplicationScoped
public class CircuitBreakers {

  private final Map<Upstream, Breaker> breakers = new EnumMap<>(Upstream.class);

  CircuitBreakers(GatewayConfig config) {
    for (Upstream upstream : Upstream.values()) {
      breakers.put(
          upstream,
          new Breaker(
              upstream,
              config.circuitBreaker().failureThreshold(),
              config.circuitBreaker().coolDown().toNanos()));
    }
  }

  /** Empty when a request to {@code upstream} may go ahead; else nanoseconds until one may. */
  public OptionalLong acquire(Upstream upstream) {
    return breakers.get(upstream).acquire(System.nanoTime());
  }

  /** The service answered (or at least was reached). */
  public void succeeded(Upstream upstream) {
    breakers.get(upstream).succeeded();
  }

  /** The service could not be reached, or dropped the connection before answering. */
  public void failed(Upstream upstream) {
    breakers.get(upstream).failed(System.nanoTime());
  }

  private static final class Breaker {

    private final Upstream upstream;
    private final int threshold;
    private final long coolDownNanos;

    private int consecutiveFailures;
    private boolean open;
    private long openUntil;
    private boolean trialInFlight;
    private long trialStarted;

    Breaker(Upstream upstream, int threshold, long coolDownNanos) {
      this.upstream = upstream;
      this.threshold = threshold;
      this.coolDownNanos = coolDownNanos;
    }

    synchronized OptionalLong acquire(long now) {
      if (!open) {
        return OptionalLong.empty();
      }
      if (now - openUntil < 0) {
        return OptionalLong.of(openUntil - now);
      }
      // A trial whose outcome never came (e.g. the client went away first) must not block
      // further trials forever.
      if (trialInFlight && now - trialStarted < coolDownNanos) {
        return OptionalLong.of(coolDownNanos - (now - trialStarted));
      }
      trialInFlight = true;
      trialStarted = now;
      return OptionalLong.empty();
    }

    synchronized void succeeded() {
      if (open) {
        Log.infof("Circuit to %s closed: it answers again", upstream.serviceName());
      }
      consecutiveFailures = 0;
      open = false;
      trialInFlight = false;
    }

    synchronized void failed(long now) {
      consecutiveFailures++;
      if (trialInFlight || (!open && consecutiveFailures >= threshold)) {
        if (!open) {
          Log.warnf(
              "Circuit to %s opened after %d failures",
              upstream.serviceName(), consecutiveFailures);
        }
        open = true;
        openUntil = now + coolDownNanos;
        trialInFlight = false;
      }
    }
  }
}
