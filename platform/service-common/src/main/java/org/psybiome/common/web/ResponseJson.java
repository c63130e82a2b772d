package org.psybiome.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How REST bodies are written: a field without a value is left out rather than sent as {@code
 * null}, so the API document can declare each field with one type and clients read an absent field
 * as "no value". Only HTTP bodies: stored documents and events keep their own mappers and shapes.
 * Reading is unchanged (the same strict mapper, see {@link StrictJson}).
 */
@Provider
public class ResponseJson implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper;

  ResponseJson(ObjectMapper base) {
    this.mapper = writer(base);
  }

  /** The mapper REST bodies are written with, for code that writes one itself (a stored reply). */
  public static ObjectMapper writer(ObjectMapper base) {
    return base.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
