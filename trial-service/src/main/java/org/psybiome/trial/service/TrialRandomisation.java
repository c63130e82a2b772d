package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.trial.model.AllocationMethod;
import org.psybiome.trial.model.RandomisationMethod;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.repository.AllocationSlotEntity;
import org.psybiome.trial.repository.AllocationSlotRepository;
import org.psybiome.trial.repository.ParticipantEntity;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.service.randomisation.AllocationReferences;
import org.psybiome.trial.service.randomisation.AllocationSequence;
import org.psybiome.trial.service.randomisation.AllocationSlot;
import org.psybiome.trial.service.randomisation.Allocator;
import org.psybiome.trial.service.randomisation.Factor;
import org.psybiome.trial.service.randomisation.MinimisationSettings;
import org.psybiome.trial.service.randomisation.MinimisationState;
import org.psybiome.trial.service.randomisation.RandomisationScheme;
import org.psybiome.trial.service.randomisation.SchemeRules;
import org.psybiome.trial.service.randomisation.SequenceGenerator;

/**
 * Allocation by the registry, for a randomised trial that declares how (design.randomisation). The
 * sequence is generated from a strong random source when the trial starts recruiting and stored
 * sealed (no operation reads it); each enrolment takes the next free slot of its stratum, or, under
 * minimisation, the arm Pocock–Simon chooses from the participants allocated so far. Callers hold
 * the trial's row lock, so two enrolments never take the same slot.
 */
@ApplicationScoped
public class TrialRandomisation {

  /**
   * The arm (or, in a crossover or N-of-1 trial, the treatment sequence) and allocation number the
   * registry chose for a participant.
   */
  public record Allocation(String group, String reference, String stratum) {}

  private final AllocationSlotRepository slots;
  private final ParticipantRepository participants;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final SecureRandom random;

  TrialRandomisation(
      AllocationSlotRepository slots,
      ParticipantRepository participants,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock) {
    this.slots = slots;
    this.participants = participants;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    try {
      // a DRBG seeded by the operating system: strong, and it never blocks for entropy
      this.random = SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("No DRBG SecureRandom in this JVM", e);
    }
  }

  /** The scheme a trial's record declares, with its arms' codes and ratio weights. */
  static Optional<RandomisationScheme> scheme(TrialContent content) {
    var design = content.design();
    if (design == null
        || design.randomisation() == null
        || design.allocation() != AllocationMethod.RANDOMIZED) {
      return Optional.empty();
    }
    var declared = design.randomisation();
    Map<String, Integer> ratio = new LinkedHashMap<>();
    if (design.crossover() != null) {
      // a crossover or N-of-1 trial allocates treatment sequences
      design
          .crossover()
          .sequences()
          .forEach(q -> ratio.put(q.code(), q.allocationRatio() == null ? 1 : q.allocationRatio()));
    } else {
      content
          .arms()
          .forEach(a -> ratio.put(a.code(), a.allocationRatio() == null ? 1 : a.allocationRatio()));
    }
    List<String> arms = List.copyOf(ratio.keySet());
    List<Factor> factors =
        declared.factors().stream().map(f -> new Factor(f.code(), f.levels())).toList();
    MinimisationSettings settings =
        declared.method() == RandomisationMethod.MINIMISATION
            ? MinimisationSettings.withProbability(declared.minimisationProbability().doubleValue())
            : null;
    return Optional.of(
        new RandomisationScheme(
            declared.method(), arms, ratio, declared.blockSizeMultipliers(), factors, settings));
  }

  boolean isSealed(String trialId) {
    return slots.sealed(trialId);
  }

  /** Generates and seals the sequence of a trial that starts recruiting, once. */
  void seal(TrialEntity trial, TrialContent content, Caller caller) {
    var scheme = scheme(content);
    if (scheme.isEmpty() || !scheme.get().usesSequence() || slots.sealed(trial.id)) {
      return;
    }
    int perStratum = Math.max(plannedSize(content), 1);
    AllocationSequence sequence = SequenceGenerator.generate(scheme.get(), perStratum, random);
    store(trial.id, sequence.slots());
    audit.record(
        trial.id,
        caller,
        "SEQUENCE_GENERATED",
        null,
        sequence.slots().size()
            + " allocation slots in "
            + sequence.strata().size()
            + " strata, sealed",
        json.createArrayNode());
  }

  /** Allocates one participant with its factor levels; the trial's row is locked. */
  Allocation allocate(
      TrialEntity trial, TrialContent content, String participant, Map<String, String> levels) {
    RandomisationScheme scheme = scheme(content).orElseThrow();
    if (!scheme.usesSequence()) {
      return minimise(trial, scheme, levels);
    }
    var problems = SchemeRules.checkParticipant(scheme, levels);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid("The participant's strata do not fit the trial", problems);
    }
    String stratum = scheme.stratumOf(levels);
    AllocationSlotEntity slot =
        slots
            .nextFree(trial.id, stratum)
            .orElseGet(() -> extend(trial.id, scheme, stratum, plannedSize(content)));
    slot.participantCode = participant;
    slot.usedAt = Instant.now(clock);
    return new Allocation(slot.armCode, slot.reference, stratum);
  }

  private Allocation minimise(
      TrialEntity trial, RandomisationScheme scheme, Map<String, String> levels) {
    MinimisationState state = MinimisationState.empty(scheme);
    Set<String> issued = new HashSet<>();
    for (ParticipantEntity p : participants.randomised(trial.id)) {
      if (p.strata != null) {
        state = state.after(p.armCode != null ? p.armCode : p.sequenceCode, p.strata);
      }
      if (p.allocationReference != null) {
        issued.add(p.allocationReference);
      }
    }
    var chosen = Allocator.minimise(scheme, state, levels, random);
    return new Allocation(
        chosen.arm(), AllocationReferences.draw(issued, random), RandomisationScheme.UNSTRATIFIED);
  }

  /** A stratum used up: more whole blocks, references unique against the trial's. */
  private AllocationSlotEntity extend(
      String trialId, RandomisationScheme scheme, String stratum, int size) {
    var stored = slots.ofTrial(trialId);
    Map<String, List<AllocationSlot>> strata = new LinkedHashMap<>();
    for (var s : stored) {
      strata
          .computeIfAbsent(s.stratum, k -> new java.util.ArrayList<>())
          .add(
              new AllocationSlot(
                  s.stratum, s.position, s.armCode, s.block, s.blockSize, s.reference));
    }
    AllocationSequence before = new AllocationSequence(strata);
    AllocationSequence after =
        SequenceGenerator.extend(scheme, before, stratum, Math.max(size, 1), random);
    List<AllocationSlot> added =
        after
            .slotsOf(stratum)
            .subList(before.slotsOf(stratum).size(), after.slotsOf(stratum).size());
    store(trialId, added);
    slots.flush();
    return slots.nextFree(trialId, stratum).orElseThrow();
  }

  private void store(String trialId, List<AllocationSlot> sequence) {
    for (AllocationSlot s : sequence) {
      AllocationSlotEntity slot = new AllocationSlotEntity();
      slot.trialId = trialId;
      slot.stratum = s.stratum();
      slot.position = s.position();
      slot.armCode = s.arm();
      slot.block = s.block();
      slot.blockSize = s.blockSize();
      slot.reference = s.reference();
      slots.persist(slot);
    }
  }

  /** Slots per stratum: the target sample size, else the reported enrolment, else 100. */
  private static int plannedSize(TrialContent content) {
    if (content.targetSampleSize() != null) {
      return content.targetSampleSize();
    }
    return content.enrolment() != null && content.enrolment().count() > 0
        ? content.enrolment().count()
        : 100;
  }
}
