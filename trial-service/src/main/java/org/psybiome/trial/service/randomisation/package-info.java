/**
 * The randomisation engine: plain Java, no framework, no database, no clock. Everything random
 * comes from a {@link java.util.random.RandomGenerator} passed in (a {@code SecureRandom} in
 * production, a seeded generator in tests), so the engine is deterministic given its source, and
 * every value it returns ({@link org.psybiome.trial.service.randomisation.RandomisationScheme},
 * {@link org.psybiome.trial.service.randomisation.AllocationSequence}, {@link
 * org.psybiome.trial.service.randomisation.SequenceUse}, {@link
 * org.psybiome.trial.service.randomisation.MinimisationState}) is a record of strings, numbers,
 * lists and maps that can be stored as JSON and read back.
 *
 * <p>At trial start: {@link org.psybiome.trial.service.randomisation.SchemeRules#check} the scheme,
 * then for SIMPLE and block designs {@link
 * org.psybiome.trial.service.randomisation.SequenceGenerator#generate} the sealed sequence (for
 * MINIMISATION, {@link org.psybiome.trial.service.randomisation.MinimisationState#empty}). At each
 * enrolment: {@link org.psybiome.trial.service.randomisation.Allocator}.
 *
 * <p>Statistical references: Pocock and Simon (1975) for minimisation; Blackwell and Hodges (1957)
 * for the convergence strategy of guessing the next allocation, as discussed by Rosenberger and
 * Lachin, "Randomization in Clinical Trials: Theory and Practice" (Wiley).
 */
package org.psybiome.trial.service.randomisation;
