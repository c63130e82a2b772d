package org.psybiome.trial.service.randomisation;

/**
 * A participant's slot of a sealed sequence, and the use of the sequence to store with it.
 *
 * @param slot the slot taken: its arm and its allocation reference
 * @param use the use given plus this slot
 */
public record SlotAllocation(AllocationSlot slot, SequenceUse use) {}
