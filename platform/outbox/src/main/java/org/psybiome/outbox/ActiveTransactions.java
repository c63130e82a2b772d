package org.psybiome.outbox;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Writes that are only correct inside the caller's transaction refuse to run outside one. */
final class ActiveTransactions {

  private ActiveTransactions() {}

  static void require(TransactionSynchronizationRegistry transactions, String operation) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException(
          operation
              + " must run inside an active transaction (a @Transactional method), so that it"
              + " commits or rolls back with the change it records");
    }
  }
}
