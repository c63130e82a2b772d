package org.psybiome.gateway.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The overview carries the services' own types (the trial record, biomarker summaries) as the
 * services send them; the gateway has no classes for them, only JSON. Its own document refers to
 * them by the services' schema names, with open stand-ins so that it stands alone; the merged
 * document keeps the services' real schemas in their place.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 20)
public class ServiceSchemasFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Schema results = schemas.get("OverviewResults");
    if (results != null && results.getProperties() != null) {
      Schema summaries = results.getProperties().get("summaries");
      if (summaries != null) {
        summaries.setItems(OASFactory.createSchema().ref("Summary"));
        // Jackson's tree type stood there; no other schema names it.
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
      }
    }
    openAPI
        .getComponents()
        .addSchema(
            "ConsortFlow",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description(
                    "The CONSORT flow as trial-service counts it, with analysed added by the"
                        + " gateway; the merged document has its schema."));
    openAPI
        .getComponents()
        .addSchema(
            "Summary",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description(
                    "A summary as biomarker-service serves it (GET"
                        + " /api/v1/trials/{trialId}/summaries/{analyte}); the merged document"
                        + " has its schema."));
  }
}
