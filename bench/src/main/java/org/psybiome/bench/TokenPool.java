package org.psybiome.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokens of many subjects of one role, handed out in turn. The gateway limits each subject to 50
 * requests/s; a benchmark of the gateway's cost must pass through that limiter (its work is part of
 * the cost) without being throttled by it, as a population of callers would.
 */
final class TokenPool {

  private final List<String> tokens;
  private final AtomicInteger next = new AtomicInteger();

  TokenPool(TokenMinter minter, String role, String consortium, int subjects) {
    tokens = new ArrayList<>(subjects);
    for (int i = 0; i < subjects; i++) {
      tokens.add(minter.mint("bench-" + role + "-" + i + "@" + consortium, role, consortium));
    }
  }

  String next() {
    return tokens.get(Math.floorMod(next.getAndIncrement(), tokens.size()));
  }
}
