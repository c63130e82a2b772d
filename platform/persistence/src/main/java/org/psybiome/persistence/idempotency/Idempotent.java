package org.psybiome.persistence.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource method that creates or changes state as honouring an optional {@code
 * Idempotency-Key} header: see {@link IdempotencyInterceptor} for the semantics. The method must
 * not open a transaction of its own around several writes; the interceptor runs it in one.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {}
