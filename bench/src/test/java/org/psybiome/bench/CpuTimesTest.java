package org.psybiome.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

  // proc(5): pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
  // utime stime cutime cstime ...; this comm holds a space and both parentheses
  private static final String STAT =
      "4242 (we(ird) name) S 1 4242 4242 0 -1 4194560 9 8 7 6 1234 567 89 10 20 0 31 0 100 0";

  @Test
  void ownAndChildrenTicksAreFields14To17AfterTheName() {
    assertEquals(1234 + 567, CpuTimes.ownTicks(STAT));
    assertEquals(89 + 10, CpuTimes.childrenTicks(STAT));
  }

  @Test
  void perRequestIsTicksOverRequestsInMicroseconds() {
    Map<String, Long> before = new LinkedHashMap<>();
    before.put("gateway", 1000L);
    before.put("trial-service", -1L);
    before.put("postgresql", 500L);
    Map<String, Long> after = Map.of("gateway", 1300L, "trial-service", 40L, "postgresql", 520L);
    // 300 ticks = 3 s over 15 000 requests = 200 us; 20 ticks = 0.2 s -> 13.3 us
    Map<String, Double> us = CpuTimes.perRequest(before, after, 15_000);
    assertEquals(200.0, us.get("gateway"));
    assertEquals(-1.0, us.get("trial-service"), "unknown before: not a figure");
    assertEquals(13.3, us.get("postgresql"));
  }

  @Test
  void busyCoresIsTheKnownPartsCpuSecondsOverTheWallClock() {
    Map<String, Long> before = new LinkedHashMap<>();
    before.put("trial-service", 1000L);
    before.put("kafka", -1L);
    before.put("postgresql", 500L);
    Map<String, Long> after = Map.of("trial-service", 1900L, "kafka", 70L, "postgresql", 800L);
    // (900 + 300) ticks = 12 s of CPU over 10 s = 1.2 cores; kafka unknown before: left out
    assertEquals(1.2, CpuTimes.busyCores(before, after, 10), 1e-9);
    assertEquals(0.0, CpuTimes.busyCores(before, after, 0));
  }
}
