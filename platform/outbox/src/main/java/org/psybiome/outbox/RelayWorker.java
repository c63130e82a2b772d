package org.psybiome.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One relay loop on a thread of its own. Any number may run at once, in one JVM or in N replicas:
 * each batch is one database transaction that holds the advisory locks of the shards it relays, so
 * a shard's rows go out from one worker at a time, oldest first, and are deleted only once Kafka
 * has acknowledged them.
 */
final class RelayWorker {

  private static final Logger LOG = Logger.getLogger(RelayWorker.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String name;
  private final DataSource dataSource;
  private final KafkaSender sender;
  private final TopicProvisioner topics;
  private final OutboxNotifications notifications;
  private final RelayMetrics metrics;
  private final int shards;
  private final int batchSize;
  private final Duration pollInterval;
  private final RelayFault fault;

  private final AtomicLong relayed = new AtomicLong();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile boolean running;
  private Thread thread;

  // Touched by the worker's thread only.
  private int nextShard;
  private Instant failingSince;
  private long failedAttempts;
  private Instant resumedAt;
  private long relayedSinceResume;

  RelayWorker(
      String name,
      DataSource dataSource,
      KafkaSender sender,
      TopicProvisioner topics,
      OutboxNotifications notifications,
      RelayMetrics metrics,
      int shards,
      int batchSize,
      Duration pollInterval,
      RelayFault fault) {
    if (shards < 1 || batchSize < 1) {
      throw new IllegalArgumentException("shards and batch size must be positive");
    }
    this.name = name;
    this.dataSource = dataSource;
    this.sender = sender;
    this.topics = topics;
    this.notifications = notifications;
    this.metrics = metrics;
    this.shards = shards;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
    this.fault = fault;
    // Replicas start at different shards, so that they do not all contend for the same ones first.
    this.nextShard = ThreadLocalRandom.current().nextInt(shards);
  }

  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException(name + " has been started already");
    }
    running = true;
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Ends the loop: a batch being sent fails and rolls back, to be relayed again later. */
  void stop(Duration timeout) {
    running = false;
    stopping.countDown();
    sender.abort();
    Thread current;
    synchronized (this) {
      current = thread;
    }
    if (current == null) {
      return;
    }
    try {
      current.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (current.isAlive()) {
      LOG.warnf("Outbox relay %s did not stop within %s", name, timeout);
      current.interrupt();
    }
  }

  /** How many events this worker has relayed. */
  long relayed() {
    return relayed.get();
  }

  private void run() {
    checkShardCount();
    Duration backoff = FIRST_BACKOFF;
    try {
      while (running) {
        try {
          topics.ensureCreated();
          int count = relayBatch();
          backoff = FIRST_BACKOFF;
          succeeded(count);
          if (count == 0) {
            notifications.await(pollInterval);
          } else {
            notifications.discardPending(); // there may be more; look again at once
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          if (!running) {
            return;
          }
          failed(e, backoff);
          if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
          backoff = doubled(backoff);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      notifications.close();
      sender.close();
      LOG.debugf("Outbox relay %s stopped", name);
    }
  }

  /**
   * Relays the oldest rows of the shards this worker can claim, in one transaction: claim, read,
   * send, wait for every acknowledgement, delete, commit. A failure anywhere rolls everything back,
   * so the rows stay and are sent again (at least once; consumers dedupe on the event id).
   *
   * @return how many events were relayed; 0 when there was nothing this worker could claim
   */
  int relayBatch() throws SQLException, KafkaUnavailableException, InterruptedException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      // The claim-then-read order relies on each statement taking a fresh snapshot.
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        List<Integer> claimed = OutboxTable.claimShards(connection, shardOrder());
        List<PendingEvent> batch =
            claimed.isEmpty()
                ? List.of()
                : OutboxTable.oldestEvents(connection, claimed, batchSize);
        if (!batch.isEmpty()) {
          sender.sendAll(batch);
          fault.afterSending(relayed.get() + batch.size());
          OutboxTable.delete(connection, batch);
        }
        connection.commit(); // also releases the shard locks
        if (!batch.isEmpty()) {
          metrics.relayed(batch, Instant.now());
        }
        return batch.size();
      } catch (SQLException
          | KafkaUnavailableException
          | InterruptedException
          | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        restoreAutoCommitQuietly(connection);
      }
    }
  }

  private static String readable(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static Duration doubled(Duration backoff) {
    Duration next = backoff.multipliedBy(2);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  /** All shards, starting one further each time, so no shard is always tried last. */
  private Integer[] shardOrder() {
    Integer[] order = new Integer[shards];
    for (int i = 0; i < shards; i++) {
      order[i] = (nextShard + i) % shards;
    }
    nextShard = (nextShard + 1) % shards;
    return order;
  }

  /**
   * Only a batch Kafka took ends an outage: finding nothing to claim proves nothing (another
   * replica may hold the shards while it fails too), and counting it would log every outage many
   * times.
   */
  private void succeeded(int count) {
    relayed.addAndGet(count);
    if (failingSince != null && count > 0) {
      LOG.infof(
          "Outbox relay %s is sending again after %d failed attempts over %s",
          name, failedAttempts, readable(Duration.between(failingSince, Instant.now())));
      failingSince = null;
      resumedAt = Instant.now();
      relayedSinceResume = 0;
    }
    if (resumedAt != null) {
      relayedSinceResume += count;
      if (count == 0) {
        LOG.infof(
            "Outbox relay %s caught up: relayed %d events in %s since it resumed",
            name, relayedSinceResume, readable(Duration.between(resumedAt, Instant.now())));
        resumedAt = null;
      }
    }
  }

  /** One warning per outage, not per attempt: an outage of minutes must not flood the log. */
  private void failed(Exception e, Duration backoff) {
    metrics.failed();
    if (failingSince == null) {
      failingSince = Instant.now();
      failedAttempts = 0;
      resumedAt = null;
      LOG.warnf(
          "Outbox relay %s paused, events stay in the outbox until it can send them again"
              + " (retrying, at least every %s): %s",
          name, readable(MAX_BACKOFF), e.getMessage());
    } else {
      LOG.debugf(e, "Outbox relay %s still failing; next try in %s", name, backoff);
    }
    failedAttempts++;
  }

  /** Rows of shards outside 0..shards-1 would never be relayed: say so loudly. */
  private void checkShardCount() {
    try (Connection connection = dataSource.getConnection()) {
      long stranded = OutboxTable.countOutsideShards(connection, shards);
      if (stranded > 0) {
        LOG.errorf(
            "%d outbox rows belong to shards outside 0..%d: psybiome.outbox.relay.shards was"
                + " changed while events were pending; they are not relayed until it is set back",
            stranded, shards - 1);
      }
    } catch (SQLException e) {
      LOG.debugf(e, "Cannot check the outbox's shards yet");
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debugf(e, "Rollback of a relay transaction failed; the connection is discarded");
    }
  }

  private static void restoreAutoCommitQuietly(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.debugf(e, "Cannot reset the relay connection");
    }
  }
}
