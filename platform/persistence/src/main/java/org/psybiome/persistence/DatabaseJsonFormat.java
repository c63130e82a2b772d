package org.psybiome.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How Hibernate writes and reads JSON columns (a trial record, audit changes, the visits and arms
 * of trial snapshots): ISO dates, and lenient on reading so that old stored documents stay readable
 * — unlike the API, which rejects unknown properties. Kept apart from the REST ObjectMapper so API
 * tuning cannot corrupt stored data. Registered for the default persistence unit of every service
 * that has this jar on its class path.
 */
@JsonFormat
@PersistenceUnitExtension
public class DatabaseJsonFormat implements FormatMapper {

  private final FormatMapper delegate =
      new JacksonJsonFormatMapper(
          new ObjectMapper()
              .findAndRegisterModules()
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

  @Override
  public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
    return delegate.fromString(text, type, options);
  }

  @Override
  public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
    return delegate.toString(value, type, options);
  }
}
