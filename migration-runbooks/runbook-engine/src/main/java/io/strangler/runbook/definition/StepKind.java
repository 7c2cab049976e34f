package io.strangler.runbook.definition;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The YAML {@code kind} of a {@link Step} record (kept beside the record so that the two cannot drift apart). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface StepKind {
    String value();
}
