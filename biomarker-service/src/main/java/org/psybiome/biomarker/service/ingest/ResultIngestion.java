package org.psybiome.biomarker.service.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.model.CheckedResult;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.IdempotencyKeyStore;
import org.psybiome.biomarker.repository.IdempotencyKeyStore.ScopedKey;
import org.psybiome.biomarker.repository.IdempotencyKeyStore.StoredKey;
import org.psybiome.biomarker.service.ResultAccess;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;

/**
 * Bulk ingestion of results: a batch is parsed, every row checked, and then stored whole or not at
 * all, with an optional Idempotency-Key making a retried POST safe.
 */
@ApplicationScoped
public class ResultIngestion {

  /** What the POST answers, byte for byte the same when a key replays it. */
  /** The answer; {@code replayed} when it is the stored answer to an earlier request. */
  public record Outcome(int status, byte[] body, UUID batchId, boolean replayed) {}

  private final TrialSnapshots snapshots;
  private final BatchParser parser;
  private final BatchValidator validator;
  private final BatchWriter writer;
  private final IdempotencyKeyStore keys;
  private final ObjectMapper json;
  private final int maxListedViolations;
  private final Duration keyLease;
  private final Duration keyRetention;

  ResultIngestion(
      TrialSnapshots snapshots,
      BatchParser parser,
      BatchValidator validator,
      BatchWriter writer,
      IdempotencyKeyStore keys,
      ObjectMapper json,
      BiomarkerConfig config) {
    this.snapshots = snapshots;
    this.parser = parser;
    this.validator = validator;
    this.writer = writer;
    this.keys = keys;
    this.json = json;
    this.maxListedViolations = config.maxListedViolations();
    this.keyLease = config.idempotency().lease();
    this.keyRetention = config.idempotency().retention();
  }

  /**
   * @param format JSON, {@link BatchParser#NDJSON} or {@link BatchParser#CSV}
   * @param idempotencyKey the header's value, or null
   */
  public Outcome ingest(
      Caller caller, String trialId, String format, byte[] body, String idempotencyKey) {
    TrialSnapshot trial = trialForPipeline(caller, trialId);
    if (idempotencyKey == null) {
      return process(caller, trial, format, body, null);
    }
    checkKey(idempotencyKey);
    ScopedKey key = scoped(caller, idempotencyKey);
    Optional<Outcome> earlier = claimOrReplay(key, trialId, sha256(body));
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return process(caller, trial, format, body, key);
    } catch (RuntimeException e) {
      // nothing was stored: free the key so that the corrected batch can be sent under it
      keys.release(key);
      throw e;
    }
  }

  private static ScopedKey scoped(Caller caller, String idempotencyKey) {
    // the key is the consortium's own: another consortium's key is another key
    return new ScopedKey(
        caller.consortium().orElseGet(() -> "subject:" + caller.subject()), idempotencyKey);
  }

  private TrialSnapshot trialForPipeline(Caller caller, String trialId) {
    // A foreign consortium's trial answers like an unknown one: its existence is not disclosed.
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canWrite(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    if (trial.withdrawn()) {
      throw ProblemException.conflict("Trial " + trialId + " is withdrawn; it takes no results");
    }
    return trial;
  }

  private Optional<Outcome> claimOrReplay(ScopedKey key, String trialId, String hash) {
    // A key released between our failed claim and our read is simply claimed again.
    for (int attempt = 0; attempt < 3; attempt++) {
      if (keys.claim(key, trialId, hash, keyLease, keyRetention)) {
        return Optional.empty();
      }
      Optional<StoredKey> stored = keys.find(key);
      if (stored.isEmpty()) {
        continue;
      }
      return Optional.of(replay(stored.get(), trialId, hash));
    }
    throw ProblemException.conflict("This Idempotency-Key is contended; retry later");
  }

  /**
   * What a live key that a request could not claim answers: its stored response when the request is
   * the same, else the refusal a POST gets.
   */
  private Outcome replay(StoredKey existing, String trialId, String hash) {
    if (!existing.trialId().equals(trialId) || !existing.requestHash().equals(hash)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "This Idempotency-Key was used for a different request; use a new key for a new batch",
          List.of(Violation.of("Idempotency-Key", "was used with another body")));
    }
    if (IdempotencyKeyStore.IN_FLIGHT.equals(existing.state())) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "A request with this Idempotency-Key is still being processed; retry later",
          List.of(),
          Map.of("Retry-After", "1"));
    }
    byte[] body = existing.responseBody().getBytes(StandardCharsets.UTF_8);
    return new Outcome(existing.responseStatus(), body, batchId(body), true);
  }

  private Outcome process(
      Caller caller, TrialSnapshot trial, String format, byte[] body, ScopedKey idempotencyKey) {
    CheckedBatch checked = check(trial, format, body);
    BatchSummary batch = summarise(caller, trial.id(), checked);
    byte[] response = toJson(batch);
    writer.store(
        batch,
        checked,
        idempotencyKey,
        idempotencyKey == null ? null : new String(response, StandardCharsets.UTF_8));
    Log.infof(
        "Batch %s: %d results for trial %s stored, from %s",
        batch.id(), batch.rows(), trial.id(), caller.subject());
    return new Outcome(201, response, batch.id(), false);
  }

  /**
   * What {@link #ingest} would answer, without storing anything: the same checks in the same order
   * (trial, key, body, rows) and the same refusals, then the batch it would store, or the stored
   * batch a POST would replay. The key is only looked at, never claimed; the batch is checked by
   * the very code the POST runs before it stores ({@link #check}), so the two cannot drift apart.
   * The one answer it cannot foresee is the POST's 409 when another batch stores some of the same
   * samples in between.
   */
  public Validation validate(
      Caller caller, String trialId, String format, byte[] body, String idempotencyKey) {
    TrialSnapshot trial = trialForPipeline(caller, trialId);
    if (idempotencyKey != null) {
      checkKey(idempotencyKey);
      Optional<StoredKey> live =
          keys.findLive(scoped(caller, idempotencyKey), keyLease, keyRetention);
      if (live.isPresent()) {
        Outcome replayed = replay(live.get(), trialId, sha256(body));
        return new Validation(readSummary(replayed.body()), true);
      }
    }
    return new Validation(summarise(caller, trial.id(), check(trial, format, body)), false);
  }

  /** The batch a POST would store ({@code replay} false), or has stored and would replay. */
  public record Validation(BatchSummary batch, boolean replay) {}

  /** Parses and checks every row; throws the POST's 400, 413 or 422 problem when it would. */
  private CheckedBatch check(TrialSnapshot trial, String format, byte[] body) {
    RowErrors errors = new RowErrors();
    List<RawRow> rows = parser.parse(body, format, errors);
    if (rows.isEmpty() && errors.isEmpty()) {
      throw new ProblemException(ProblemType.UNPROCESSABLE, "The batch has no rows");
    }
    CheckedBatch checked = validator.check(trial, rows, errors);
    errors.throwIfAny(maxListedViolations);
    return checked;
  }

  private static BatchSummary summarise(Caller caller, String trialId, CheckedBatch checked) {
    List<CheckedResult> rows = checked.rows();
    return new BatchSummary(
        UUID.randomUUID(),
        trialId,
        // microseconds: what PostgreSQL stores, so GET returns what POST answered
        Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.MICROS),
        rows.size(),
        (int) rows.stream().filter(CheckedResult::censored).count(),
        (int) rows.stream().filter(r -> !r.registered()).count(),
        rows.stream().map(CheckedResult::analyte).distinct().sorted().toList(),
        rows.stream().map(CheckedResult::visit).distinct().sorted().toList(),
        caller.subject(),
        checked.notDerived());
  }

  private byte[] toJson(BatchSummary batch) {
    try {
      return json.writeValueAsBytes(batch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the batch summary", e);
    }
  }

  private BatchSummary readSummary(byte[] response) {
    try {
      return json.readValue(response, BatchSummary.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A stored idempotent response cannot be read", e);
    }
  }

  private UUID batchId(byte[] response) {
    try {
      return UUID.fromString(json.readTree(response).path("id").asText());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalStateException("A stored idempotent response cannot be read", e);
    }
  }

  private static void checkKey(String key) {
    // the same rule as every other write's key (1 to 255 visible ASCII characters)
    IdempotencyKeyHeader.check(key);
  }

  /** The SHA-256 of the raw body, hex: the same bytes are the same request. */
  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
