package dev.sluice.sdk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record components that form a table's primary key, for
 * {@link Table#fromRecord(String, Class)}. Key columns appear in declaration order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PrimaryKey {}
