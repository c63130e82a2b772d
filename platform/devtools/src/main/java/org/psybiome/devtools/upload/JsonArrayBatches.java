package org.psybiome.devtools.upload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON file (an array of rows, or {@code {"rows": [...]}} as the service reads it) in batches,
 * read as a stream one row at a time: a 2 GB array is never held whole. Each batch is a JSON array
 * of the file's rows in order, rewritten with the same values: decimals exactly as written, text
 * with every non-ASCII character escaped (so that even text the service refuses, such as a lone
 * surrogate, reaches it to be refused row by row).
 */
final class JsonArrayBatches implements BatchSource {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private static final String SHAPE =
      "the file must be a JSON array of rows or an object {\"rows\": [...]}";

  private final JsonParser parser;
  private final BatchBuilder builder;
  private boolean started;
  private boolean wrapped;
  private boolean done;
  private int index;
  private byte[] pending;
  private int pendingLine;

  JsonArrayBatches(InputStream in, int maxRows, long maxBytes) throws IOException {
    this.parser = JSON.getFactory().createParser(in);
    this.builder =
        new BatchBuilder(new byte[] {'['}, new byte[] {','}, new byte[] {']'}, maxRows, maxBytes);
  }

  @Override
  public Batch next() throws IOException, FileFormatException {
    if (done) {
      return null;
    }
    try {
      if (!started) {
        started = true;
        start();
      }
      if (pending != null) {
        builder.add(pending, pendingLine);
        pending = null;
      }
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          throw new FileFormatException(line(), "the JSON array is not closed (a ] is missing)");
        }
        if (token == JsonToken.END_ARRAY) {
          finish();
          break;
        }
        int line = line();
        JsonNode row = JSON.readTree(parser);
        byte[] bytes = JSON.writeValueAsBytes(row);
        if (!builder.fits(bytes)) {
          pending = bytes;
          pendingLine = line;
          return builder.take(index++, 0);
        }
        builder.add(bytes, line);
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? line() : e.getLocation().getLineNr();
      throw new FileFormatException(line, "not well-formed JSON: " + e.getOriginalMessage());
    }
    done = true;
    if (builder.isEmpty()) {
      return index == 0 ? builder.take(index++, 0) : null;
    }
    return builder.take(index++, 0);
  }

  private void start() throws IOException, FileFormatException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_OBJECT) {
      // {"rows": [...]} and nothing else, as the service reads it
      if (parser.nextToken() != JsonToken.FIELD_NAME
          || !"rows".equals(parser.currentName())
          || parser.nextToken() != JsonToken.START_ARRAY) {
        throw new FileFormatException(line(), SHAPE);
      }
      wrapped = true;
    } else if (first != JsonToken.START_ARRAY) {
      throw new FileFormatException(line(), SHAPE);
    }
  }

  /** After the array: the wrapper's end, then nothing more. */
  private void finish() throws IOException, FileFormatException {
    if (wrapped && parser.nextToken() != JsonToken.END_OBJECT) {
      throw new FileFormatException(line(), SHAPE);
    }
    if (parser.nextToken() != null) {
      throw new FileFormatException(line(), "more follows the JSON array's end");
    }
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
