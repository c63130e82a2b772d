package org.psybiome.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns Jackson's reading errors into a field violation a client can act on, without echoing the
 * rejected value or naming Java types.
 */
final class JsonProblems {

  private JsonProblems() {}

  static Violation violation(JsonProcessingException e) {
    if (e instanceof JsonParseException) {
      var location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      return Violation.of("", "not well-formed JSON" + where);
    }
    if (e instanceof JsonMappingException mapping) {
      String field = path(mapping.getPath());
      if (e instanceof UnrecognizedPropertyException unknown) {
        return Violation.of(field.isEmpty() ? unknown.getPropertyName() : field, "unknown field");
      }
      if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
        // only the strict text check refuses a string that is a string (web.StrictJson)
        return Violation.of(field, invalid.getOriginalMessage());
      }
      if (e instanceof InvalidFormatException invalid) {
        return Violation.of(field, expectation(invalid.getTargetType()));
      }
      if (e instanceof ValueInstantiationException instantiation
          && instantiation.getCause() instanceof IllegalArgumentException cause) {
        // Records that validate themselves say why in their IllegalArgumentException.
        return Violation.of(field, cause.getMessage());
      }
      if (e instanceof MismatchedInputException mismatched) {
        return Violation.of(field, expectation(mismatched.getTargetType()));
      }
      return Violation.of(field, "cannot be read");
    }
    return Violation.of("", "cannot be read");
  }

  private static String expectation(Class<?> target) {
    if (target == null) {
      return "has the wrong type";
    }
    if (target.isEnum()) {
      List<String> names = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
      return "must be one of " + names;
    }
    if (Number.class.isAssignableFrom(target)
        || (target.isPrimitive() && target != boolean.class)) {
      return "must be a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "must be true or false";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
      return "must be an ISO-8601 date or time";
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "must be an array";
    }
    if (target == java.util.UUID.class) {
      return "must be a UUID";
    }
    return "must be an object";
  }

  static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
