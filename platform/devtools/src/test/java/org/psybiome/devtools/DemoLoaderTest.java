package org.psybiome.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.psybiome.client.ApiClient;
import org.psybiome.client.model.TrialContent;

/** The demo trials reach the API as written, though they pass through the client's model. */
class DemoLoaderTest {

  @Test
  void everyDemoTrialSurvivesTheClientModelUnchanged() throws Exception {
    ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of("../../demo/trials"))) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      String written = Files.readString(file);
      String sent = mapper.writeValueAsString(mapper.readValue(written, TrialContent.class));
      assertEquals(mapper.readTree(written), mapper.readTree(sent), file.getFileName().toString());
    }
  }
}
