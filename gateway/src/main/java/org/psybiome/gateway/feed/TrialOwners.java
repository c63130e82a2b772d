package org.psybiome.gateway.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.psybiome.gateway.client.CallerHeaders;
import org.psybiome.gateway.client.UpstreamClient;
import org.psybiome.gateway.client.UpstreamReply;
import org.psybiome.gateway.config.GatewayConfig;

/**
 * The consortium that owns a trial, for events only its consortium may see (biomarker events name
 * the trial, not its owner). Learnt from the trial events the feed reads (registered and updated
 * carry the record), else asked of trial-service: a registered trial's record is public, and a
 * trial's consortium never changes. When it cannot be had the event is shown to no one.
 */
@ApplicationScoped
class TrialOwners {

  private final UpstreamClient upstreams;
  private final Duration timeout;
  private final Cache<String, String> owners = Caffeine.newBuilder().maximumSize(200_000).build();

  /** Trials trial-service could not name an owner for just now; not asked again for a while. */
  private final Cache<String, Boolean> unknown =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

  TrialOwners(UpstreamClient upstreams, GatewayConfig config) {
    this.upstreams = upstreams;
    this.timeout = config.events().ownerLookupTimeout();
  }

  void learn(String trialId, String consortium) {
    if (trialId != null && consortium != null && !consortium.isBlank()) {
      owners.put(trialId, consortium);
      unknown.invalidate(trialId);
    }
  }

  /** Blocks up to the lookup timeout: call from the feed's reader threads, never an event loop. */
  Optional<String> ownerOf(String trialId) {
    if (trialId == null) {
      return Optional.empty();
    }
    String known = owners.getIfPresent(trialId);
    if (known != null) {
      return Optional.of(known);
    }
    if (unknown.getIfPresent(trialId) != null) {
      return Optional.empty();
    }
    try {
      UpstreamReply reply =
          upstreams
              .trial(trialId, CallerHeaders.NONE, timeout)
              .toCompletionStage()
              .toCompletableFuture()
              .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      String consortium = reply.ok() ? reply.body().path("consortium").asText("") : "";
      if (!consortium.isBlank()) {
        learn(trialId, consortium);
        return Optional.of(consortium);
      }
      Log.debugf("trial-service names no owner of %s (status %d)", trialId, reply.status());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Log.warnf("Owner of %s unknown, its consortium events are held back: %s", trialId, e);
    }
    unknown.put(trialId, Boolean.TRUE);
    return Optional.empty();
  }
}
