package org.psybiome.trial.service.randomisation;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Allocation (kit or pack) numbers: 8 symbols of Crockford's base 32 (digits and capitals without
 * I, L, O and U, so none is read as another), 40 random bits drawn from the sequence's own random
 * source, redrawn until unique within the trial. Being random, a number says nothing about the arm
 * or the position of its slot.
 */
public final class AllocationReferences {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 8;

  private final Set<String> issued;
  private final RandomGenerator random;

  AllocationReferences(Set<String> alreadyIssued, RandomGenerator random) {
    this.issued = new HashSet<>(alreadyIssued);
    this.random = random;
  }

  /** A new number, unique against {@code issued}: for an allocation made without a sequence. */
  public static String draw(java.util.Set<String> issued, RandomGenerator random) {
    return new AllocationReferences(issued, random).next();
  }

  String next() {
    while (true) {
      char[] symbols = new char[LENGTH];
      for (int i = 0; i < LENGTH; i++) {
        symbols[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      String reference = new String(symbols);
      if (issued.add(reference)) {
        return reference;
      }
    }
  }
}
