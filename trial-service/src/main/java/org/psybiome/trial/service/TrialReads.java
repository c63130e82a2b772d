package org.psybiome.trial.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.psybiome.common.security.Caller;
import org.psybiome.common.web.ResponseJson;
import org.psybiome.trial.config.TrialConfig;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialRepository;
import org.psybiome.trial.repository.TrialStamp;

/**
 * Reads of one trial by id, answered from a rendering kept per stamp (version, its time and the
 * enrolment figures) when one is kept: a read then costs one statement that leaves the record's
 * document on disk, instead of four statements, the document's parsing and the rendering.
 *
 * <p>The stamp is read from the database at every read, so a change made by any replica is seen at
 * once: a kept rendering is only ever served for the stamp it was rendered at.
 */
@ApplicationScoped
public class TrialReads {

  private final TrialRepository trials;
  private final TrialViews views;
  private final ObjectMapper json;
  private final Cache<TrialStamp, byte[]> renderings;

  TrialReads(
      TrialRepository trials,
      TrialViews views,
      ObjectMapper json,
      TrialConfig config,
      MeterRegistry meters) {
    this.trials = trials;
    this.views = views;
    this.json = ResponseJson.writer(json); // as the REST layer writes bodies
    this.renderings =
        Caffeine.newBuilder()
            .maximumWeight(config.readCache().asLongValue())
            .<TrialStamp, byte[]>weigher((stamp, body) -> body.length)
            .recordStats()
            .build();
    // cache_gets_total{cache="trial-renderings",result="hit"|"miss"}, cache_size, evictions
    CaffeineCacheMetrics.monitor(meters, renderings, "trial-renderings");
  }

  /**
   * The current version of a trial the caller may read (404 as {@link #render} otherwise): a
   * conditional read that matches answers 304 from this alone.
   */
  public int readableVersion(Caller caller, String id) {
    return readable(caller, id).version();
  }

  /** The trial as the API shows it, as JSON, with the version it shows. */
  public RenderedTrial render(Caller caller, String id) {
    TrialStamp stamp = readable(caller, id);
    byte[] kept = renderings.getIfPresent(stamp);
    if (kept != null) {
      return new RenderedTrial(stamp.version(), kept);
    }
    TrialEntity trial = trials.findForReading(id).orElseThrow(() -> TrialAccess.notFound(id));
    TrialAccess.requireReadable(trial, caller);
    RenderedTrial rendered =
        new RenderedTrial(trial.version, bytes(TrialViews.view(views.trial(trial))));
    // The record, its status history, its source and its enrolment were read by separate
    // statements; every change of the first three bumps the version, and the enrolment is in the
    // stamp, so an unchanged stamp after them says they all belong to it.
    if (trial.version == stamp.version() && trials.stamp(id).equals(Optional.of(stamp))) {
      renderings.put(stamp, rendered.json());
    }
    return rendered;
  }

  private TrialStamp readable(Caller caller, String id) {
    TrialStamp stamp = trials.stamp(id).orElseThrow(() -> TrialAccess.notFound(id));
    if (!TrialAccess.canRead(stamp.status(), stamp.consortium(), caller)) {
      throw TrialAccess.notFound(id);
    }
    return stamp;
  }

  private byte[] bytes(Object view) {
    try {
      return json.writeValueAsBytes(view);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
