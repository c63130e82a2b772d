package org.psybiome.trial.service.randomisation;

/**
 * One place in a sealed allocation sequence.
 *
 * @param stratum the stratum key ({@link RandomisationScheme#stratumOf})
 * @param position 1-based, within the stratum: the slot the position-th participant of the stratum
 *     takes
 * @param arm the arm (or treatment-sequence) code
 * @param block 1-based number of the block within the stratum; 0 under SIMPLE, which has no blocks
 * @param blockSize the size of that block; 0 under SIMPLE
 * @param reference the allocation (kit or pack) number a masked trial labels the treatment with:
 *     unique within the trial, random, so it reveals neither the arm nor the position
 */
public record AllocationSlot(
    String stratum, int position, String arm, int block, int blockSize, String reference) {}
