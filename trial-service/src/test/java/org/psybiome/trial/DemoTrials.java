package org.psybiome.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo trials (demo/trials/*.json, also loaded by ./psybiome up --demo) as test fixtures.
 * Secondary ids are unique across the registry, so each copy gets fresh ones.
 */
public final class DemoTrials {

  public static final String PROBIOTIC = "probiotic-adjunct-mdd";
  public static final String FMT = "fmt-treatment-resistant-depression";
  public static final String DIET = "mediterranean-diet-gad";

  static final ObjectMapper JSON = new ObjectMapper();

  private DemoTrials() {}

  public static ObjectNode load(String name) {
    try (InputStream in = DemoTrials.class.getResourceAsStream("/demo/trials/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no demo trial " + name);
      }
      ObjectNode trial = (ObjectNode) JSON.readTree(in);
      ArrayNode ids = JSON.createArrayNode();
      ids.addObject().put("registry", "NCT").put("value", "NCT" + digits(8));
      ids.addObject().put("registry", "ISRCTN").put("value", "ISRCTN" + digits(8));
      trial.set("secondaryIds", ids);
      return trial;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(ThreadLocalRandom.current().nextInt(10));
    }
    return s.toString();
  }
}
