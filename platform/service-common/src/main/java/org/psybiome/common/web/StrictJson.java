package org.psybiome.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON bodies are read strictly: anything after the document is an error (a truncated or spliced
 * body must not act), and a string may not hold NUL or a lone surrogate — JSON escapes can spell
 * both, and neither is text PostgreSQL can store unaltered.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.registerModule(
        new SimpleModule("psybiome-strict-text").addDeserializer(String.class, new TextOnly()));
  }

  /** The standard string deserializer, refusing values that are not storable text. */
  static final class TextOnly extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      if (value != null && !isStorableText(value)) {
        throw InvalidFormatException.from(
            parser, "must not contain NUL or unpaired surrogates", value, String.class);
      }
      return value;
    }
  }

  /** Whether PostgreSQL can store {@code value} as it is: no NUL, no unpaired surrogate. */
  public static boolean isStorableText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
