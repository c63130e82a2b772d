package org.psybiome.trial.service.randomisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A sequence is a function of its random source; allocation references are unique and say nothing
 * about the arm; sequences and states survive JSON as they will be stored.
 */
class SequenceReproducibilityAndReferencesTest {

  private static final RandomisationScheme STRATIFIED =
      RandomisationScheme.stratifiedBlocks(
          List.of("PROBIOTIC", "PLACEBO"),
          Map.of("PROBIOTIC", 2, "PLACEBO", 1),
          List.of(1, 2, 3),
          List.of(
              new Factor("site", List.of("BER", "DUB")),
              new Factor("crp", List.of("LT3", "GE3")),
              new Factor("sex", List.of("F", "M"))));

  @Test
  void theSameSeedGivesTheSameSequenceAndIndependentStrongSourcesDifferentOnes()
      throws NoSuchAlgorithmException {
    assertThat(SequenceGenerator.generate(STRATIFIED, 60, new SplittableRandom(42L)))
        .isEqualTo(SequenceGenerator.generate(STRATIFIED, 60, new SplittableRandom(42L)));
    assertThat(SequenceGenerator.generate(STRATIFIED, 60, new Random(42L)))
        .isEqualTo(SequenceGenerator.generate(STRATIFIED, 60, new Random(42L)));

    // DRBG instances seed themselves from the operating system's entropy
    AllocationSequence one =
        SequenceGenerator.generate(STRATIFIED, 60, SecureRandom.getInstance("DRBG"));
    AllocationSequence other =
        SequenceGenerator.generate(STRATIFIED, 60, SecureRandom.getInstance("DRBG"));
    // 8 strata of at least 60 slots: the chance that two independent sequences share every arm is
    // far below 2^-100
    assertThat(arms(one)).isNotEqualTo(arms(other));
    Set<String> shared = references(one);
    shared.retainAll(references(other));
    assertThat(shared).isEmpty();
  }

  @Test
  void referencesAreUniqueWithinATrialAndExtensionsKeepThemSo() {
    SplittableRandom random = new SplittableRandom(8L);
    AllocationSequence sequence = SequenceGenerator.generate(STRATIFIED, 5_000, random);
    AllocationSequence extended =
        SequenceGenerator.extend(STRATIFIED, sequence, "site=DUB|crp=GE3|sex=M", 3_000, random);
    List<AllocationSlot> slots = extended.slots();
    assertThat(slots).hasSizeGreaterThan(43_000);
    assertThat(references(extended)).hasSize(slots.size());
    assertThat(slots).allSatisfy(s -> assertThat(s.reference()).matches("[0-9A-HJKMNP-TV-Z]{8}"));
  }

  @Test
  void aReferenceAlreadyIssuedIsDrawnAgain() {
    // a source that draws "00000000" twice, then "10000000"
    Deque<Integer> draws = new ArrayDeque<>();
    for (int i = 0; i < 16; i++) {
      draws.add(0);
    }
    draws.add(1);
    for (int i = 0; i < 7; i++) {
      draws.add(0);
    }
    RandomGenerator scripted =
        new RandomGenerator() {
          @Override
          public long nextLong() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int nextInt(int bound) {
            return draws.remove();
          }
        };
    AllocationReferences references = new AllocationReferences(Set.of(), scripted);
    assertThat(references.next()).isEqualTo("00000000");
    assertThat(references.next()).isEqualTo("10000000");
    assertThat(draws).isEmpty();
  }

  @Test
  void theSymbolsOfAReferenceAreDistributedAlikeForEveryArm() {
    // Chi-squared test of homogeneity, per symbol position, of the 32 symbols' counts among the
    // PROBIOTIC and the PLACEBO slots (2 x 32 table, 31 degrees of freedom), at a 0.001 level
    // shared among the 8 positions (Bonferroni)
    List<AllocationSlot> slots =
        SequenceGenerator.generate(STRATIFIED, 10_000, new SplittableRandom(9L)).slots();
    String alphabet = AllocationReferences.ALPHABET;
    double critical = ChiSquared.critical(31, 0.001 / 8);
    for (int position = 0; position < 8; position++) {
      long[][] table = new long[2][32];
      for (AllocationSlot slot : slots) {
        int arm = slot.arm().equals("PROBIOTIC") ? 0 : 1;
        table[arm][alphabet.indexOf(slot.reference().charAt(position))]++;
      }
      double chi2 = homogeneity(table);
      System.out.printf(
          "reference symbol %d by arm: chi-squared %.1f (df 31, critical %.1f)%n",
          position + 1, chi2, critical);
      assertThat(chi2).as("position %d", position + 1).isLessThan(critical);
    }
  }

  @Test
  void schemesSequencesAndStatesSurviveJson() throws Exception {
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    RandomisationScheme minimisation =
        RandomisationScheme.minimisation(
            STRATIFIED.arms(),
            STRATIFIED.ratio(),
            STRATIFIED.factors(),
            new MinimisationSettings(ImbalanceMeasure.VARIANCE, Map.of("site", 2.0), 0.8));
    AllocationSequence sequence =
        SequenceGenerator.generate(STRATIFIED, 6, new SplittableRandom(10L));
    MinimisationAllocation allocation =
        Allocator.minimise(
            minimisation,
            MinimisationState.empty(minimisation),
            Map.of("site", "BER", "crp", "LT3", "sex", "F"),
            new SplittableRandom(11L));
    SequenceUse use =
        Allocator.next(
                STRATIFIED,
                sequence,
                SequenceUse.none(),
                Map.of("site", "BER", "crp", "LT3", "sex", "F"))
            .use();

    for (Object value : List.of(STRATIFIED, minimisation, sequence, allocation, use)) {
      String text = json.writeValueAsString(value);
      assertThat(json.readValue(text, value.getClass())).as(text).isEqualTo(value);
    }
    assertThat(json.readTree(json.writeValueAsString(sequence.slots().get(0))).fieldNames())
        .toIterable()
        .containsExactly("stratum", "position", "arm", "block", "blockSize", "reference");
  }

  private static double homogeneity(long[][] table) {
    long total = 0;
    long[] rows = new long[table.length];
    long[] columns = new long[table[0].length];
    for (int r = 0; r < table.length; r++) {
      for (int c = 0; c < table[r].length; c++) {
        rows[r] += table[r][c];
        columns[c] += table[r][c];
        total += table[r][c];
      }
    }
    double chi2 = 0;
    for (int r = 0; r < table.length; r++) {
      for (int c = 0; c < table[r].length; c++) {
        double expected = (double) rows[r] * columns[c] / total;
        chi2 += (table[r][c] - expected) * (table[r][c] - expected) / expected;
      }
    }
    return chi2;
  }

  private static List<String> arms(AllocationSequence sequence) {
    return sequence.slots().stream().map(AllocationSlot::arm).toList();
  }

  private static Set<String> references(AllocationSequence sequence) {
    Set<String> references = new HashSet<>();
    sequence.slots().forEach(s -> references.add(s.reference()));
    return references;
  }
}
