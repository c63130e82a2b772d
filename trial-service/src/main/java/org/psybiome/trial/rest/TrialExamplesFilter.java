package org.psybiome.trial.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Puts the demo trials (demo/trials) into the OpenAPI document as request examples of creating and
 * replacing a trial, so Swagger UI offers complete, registrable records to try.
 */
public class TrialExamplesFilter implements OASFilter {

  private static final Map<String, String> EXAMPLES =
      Map.of(
          "adjunct multi-strain probiotic", "probiotic-adjunct-mdd",
          "FMT in treatment-resistant depression", "fmt-treatment-resistant-depression",
          "Mediterranean diet in GAD", "mediterranean-diet-gad");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    Map<String, Example> examples = new LinkedHashMap<>();
    EXAMPLES.forEach(
        (summary, file) ->
            examples.put(file, OASFactory.createExample().summary(summary).value(load(file))));
    PathItem collection = openAPI.getPaths().getPathItem("/api/v1/trials");
    PathItem item = openAPI.getPaths().getPathItem("/api/v1/trials/{id}");
    if (collection != null && collection.getPOST() != null) {
      addTo(collection.getPOST().getRequestBody(), examples);
    }
    if (item != null && item.getPUT() != null) {
      addTo(item.getPUT().getRequestBody(), examples);
    }
  }

  private static void addTo(
      org.eclipse.microprofile.openapi.models.parameters.RequestBody body,
      Map<String, Example> examples) {
    if (body == null || body.getContent() == null) {
      return;
    }
    MediaType json = body.getContent().getMediaType("application/json");
    if (json != null) {
      json.setExamples(examples);
    }
  }

  private static Object load(String name) {
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("openapi-examples/" + name + ".json")) {
      if (in == null) {
        return null;
      }
      return new ObjectMapper().readValue(in, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
