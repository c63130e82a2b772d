package org.psybiome.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a write operation: the name of its body limit in the service's {@link BodyLimits}. Each
 * operation is sized for what it carries, so that the HTTP layer's limit (sized for the largest
 * result batch) is not what guards a small record.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

  /** The limit's name, as the service's {@link BodyLimits} knows it. */
  String value();
}
