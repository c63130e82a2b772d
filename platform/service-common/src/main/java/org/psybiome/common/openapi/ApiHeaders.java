package org.psybiome.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.web.CorrelationIds;

/**
 * The headers the API reads and sends, declared once in {@code components} so that operations refer
 * to them by name (for example {@code @Header(name = "ETag", ref = "ETag")}).
 */
public final class ApiHeaders {

  public static final String SECURITY_SCHEME = "bearerToken";
  public static final String CORRELATION_ID = CorrelationIds.HEADER;
  static final String CORRELATION_ID_PARAMETER_REF = "#/components/parameters/CorrelationId";

  /** Names under {@code components/headers}. */
  public static final String ETAG = "ETag";

  public static final String LOCATION = "Location";
  public static final String RETRY_AFTER = "Retry-After";
  public static final String CONTENT_DISPOSITION = "Content-Disposition";
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  private ApiHeaders() {}

  static void addTo(Components components) {
    components.addParameter(
        "CorrelationId",
        OASFactory.createParameter()
            .name(CORRELATION_ID)
            .in(Parameter.In.HEADER)
            .required(false)
            .description(
                "Names the request in every log line of every service it reaches; one is made"
                    + " when absent. The response echoes it.")
            .schema(string()));
    components.addHeader(
        CORRELATION_ID,
        header("The request's correlation id: the caller's, or one made for it", string()));
    components.addHeader(
        ETAG,
        header(
            "The resource's version, quoted; send it back in If-Match to change the resource",
            string()));
    components.addHeader(
        LOCATION, header("Where the created resource can be read: a public URL", uri()));
    components.addHeader(
        RETRY_AFTER,
        header(
            "Seconds to wait before trying again",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .minimum(java.math.BigDecimal.ZERO)));
    components.addHeader(
        CONTENT_DISPOSITION, header("attachment, with the file name to save as", string()));
    components.addHeader(
        WWW_AUTHENTICATE, header("The Bearer scheme, and why the token was refused", string()));
  }

  /**
   * Every response carries the correlation id; an error response is a problem; a 401 says how to
   * authenticate, a 429 or 503 when to retry.
   */
  static void completeResponse(int code, APIResponse response) {
    if (response.getRef() != null) {
      return;
    }
    addHeader(response, CORRELATION_ID);
    if (code >= 400) {
      Content content = response.getContent();
      if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
        response.setContent(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
      }
    }
    if (code == 401) {
      addHeader(response, WWW_AUTHENTICATE);
    }
    if (code == 429 || code == 503) {
      addHeader(response, RETRY_AFTER);
    }
  }

  private static void addHeader(APIResponse response, String name) {
    if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
      response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
    }
  }

  private static Header header(String description, Schema schema) {
    return OASFactory.createHeader().description(description).schema(schema);
  }

  private static Schema string() {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
  }

  private static Schema uri() {
    return string().format("uri");
  }
}
