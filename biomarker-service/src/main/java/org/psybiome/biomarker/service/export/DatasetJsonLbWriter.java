package org.psybiome.biomarker.service.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * CDISC Dataset-JSON 1.1: the top-level attributes in the order the specification recommends (so
 * that a streaming reader meets {@code records} and {@code columns} before {@code rows}), then one
 * array per record. Missing values are null. Written with a plain generator, never flushed per row.
 */
final class DatasetJsonLbWriter implements LbWriter {

  static final String VERSION = "1.1.0";
  // seconds always, as the specification's pattern requires (OffsetDateTime.toString drops :00)
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private final JsonGenerator json;
  private final LbDataset dataset;

  DatasetJsonLbWriter(OutputStream out, ObjectMapper mapper, LbDataset dataset) throws IOException {
    this.json =
        mapper
            .getFactory()
            .createGenerator(new BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8)
            .configure(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature(), true);
    this.dataset = dataset;
  }

  @Override
  public void begin(long records) throws IOException {
    json.writeStartObject();
    json.writeStringField(
        "datasetJSONCreationDateTime", CREATED.format(OffsetDateTime.now(ZoneOffset.UTC)));
    json.writeStringField("datasetJSONVersion", VERSION);
    json.writeStringField("originator", "Psybiome");
    json.writeStringField("studyOID", dataset.studyId());
    json.writeStringField("itemGroupOID", LbDataset.ITEM_GROUP_OID);
    json.writeNumberField("records", records);
    json.writeStringField("name", LbDataset.NAME);
    json.writeStringField("label", LbDataset.LABEL);
    json.writeArrayFieldStart("columns");
    for (LbColumn column : LbColumn.values()) {
      json.writeStartObject();
      json.writeStringField("itemOID", "IT.LB." + column.name());
      json.writeStringField("name", column.name());
      json.writeStringField("label", column.label());
      json.writeStringField("dataType", column.dataType());
      Integer length = dataset.length(column);
      if (length != null) {
        json.writeNumberField("length", length);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("rows");
  }

  @Override
  public void write(LbRecord record) throws IOException {
    json.writeStartArray();
    for (Object value : record.values()) {
      if (value == null) {
        json.writeNull();
      } else if (value instanceof String s) {
        json.writeString(s);
      } else if (value instanceof Long l) {
        json.writeNumber(l);
      } else if (value instanceof Integer i) {
        json.writeNumber(i);
      } else if (value instanceof BigDecimal d) {
        json.writeNumber(d);
      } else {
        throw new IllegalStateException("no JSON type for " + value.getClass());
      }
    }
    json.writeEndArray();
  }

  @Override
  public void end() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    json.flush();
  }
}
