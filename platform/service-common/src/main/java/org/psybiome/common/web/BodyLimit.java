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

  /**
   * Whether a body of undeclared length (chunked) may reach the operation while it is still being
   * read, cut off only when it passes the limit. Only for an operation that stores nothing until it
   * has read its whole body (a result batch: every row is checked before any is stored), where
   * holding up to the limit in memory first would cost much for nothing. Otherwise (the default)
   * such a body is read whole, up to the limit, before the operation sees a byte, so an operation
   * that acts as it reads (an import, study by study) never acts on the first part of a body it
   * then refuses.
   */
  boolean streamed() default false;
}
