package org.psybiome.systemtests.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.psybiome.systemtests.harness.Trials;

/**
 * The operations of the committed API document, as {@code METHOD /path/{template}}; the corpus and
 * the authorization matrix both check their coverage against it.
 */
public final class ApiOperations {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private ApiOperations() {}

  public static Set<String> of(Path root) {
    JsonNode document;
    try {
      document = Trials.JSON.readTree(root.resolve("api/openapi.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read api/openapi.json", e);
    }
    Set<String> operations = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            operations.add(
                                method.getKey().toUpperCase(java.util.Locale.ROOT)
                                    + " "
                                    + path.getKey());
                          }
                        }));
    return operations;
  }
}
