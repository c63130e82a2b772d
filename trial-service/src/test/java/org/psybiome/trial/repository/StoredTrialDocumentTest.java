package org.psybiome.trial.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.TrialContent;

/**
 * The stored document keeps the format of every document stored so far: until it had a type of its
 * own, the record was stored as the API's TrialContent, so both must write the same JSON.
 */
class StoredTrialDocumentTest {

  /** As the database's JSON format is configured: ISO dates, lenient on reading. */
  private static final ObjectMapper DATABASE_JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final StoredTrialDocumentMapper MAPPER = StoredTrialDocumentMapper.INSTANCE;

  private static final List<String> DEMO_TRIALS =
      List.of(
          "probiotic-adjunct-mdd", "fmt-treatment-resistant-depression", "mediterranean-diet-gad");

  @Test
  void theStoredDocumentIsWrittenAsTheRecordWasStoredBefore() throws Exception {
    for (String name : DEMO_TRIALS) {
      TrialContent content = DATABASE_JSON.treeToValue(demo(name), TrialContent.class);
      assertThat(DATABASE_JSON.writeValueAsString(MAPPER.toStored(content)))
          .as(name)
          .isEqualTo(DATABASE_JSON.writeValueAsString(content));
    }
  }

  @Test
  void aRecordSurvivesStorageUnchanged() throws Exception {
    for (String name : DEMO_TRIALS) {
      TrialContent content = DATABASE_JSON.treeToValue(demo(name), TrialContent.class);
      String stored = DATABASE_JSON.writeValueAsString(MAPPER.toStored(content));
      TrialContent read =
          MAPPER.toContent(DATABASE_JSON.readValue(stored, StoredTrialDocument.class));
      assertThat(read).as(name).isEqualTo(content);
    }
  }

  @Test
  void anOldDocumentWithoutNewerItemsOrWithRetiredOnesIsStillRead() throws Exception {
    // written by hand: no summaryResults or schedule (absent), a property no longer known
    String old =
        """
        {"publicTitle": "Probiotic in MDD", "countries": ["GB", "IE"],
         "secondaryOutcomes": [], "retiredProperty": {"any": "value"}}""";
    TrialContent content =
        MAPPER.toContent(DATABASE_JSON.readValue(old, StoredTrialDocument.class));
    assertThat(content.publicTitle()).isEqualTo("Probiotic in MDD");
    assertThat(content.countries()).containsExactly("GB", "IE");
    assertThat(content.secondaryOutcomes()).isEmpty();
    assertThat(content.schedule()).isNull();
    assertThat(content.summaryResults()).isNull();
    // lists a record always has read as empty, as they did when TrialContent was stored directly
    assertThat(content.arms()).isEmpty();
    assertThat(content.interventions()).isEmpty();
  }

  private static ObjectNode demo(String name) throws Exception {
    try (InputStream in =
        StoredTrialDocumentTest.class
            .getClassLoader()
            .getResourceAsStream("demo/trials/" + name + ".json")) {
      return (ObjectNode) DATABASE_JSON.readTree(in);
    }
  }
}
