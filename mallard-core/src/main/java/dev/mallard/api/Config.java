package dev.mallard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Java model's own config, like {@code {{ config(...) }}} in a SQL model or
 * {@code dbt.config()} in a Python one: each entry is {@code "key: value"} with the value in
 * YAML, e.g. {@code @Config({"materialized: incremental", "unique_key: id", "tags: [a, b]"})}.
 * Mallard reads it from the source without compiling it; it overrides dbt_project.yml and
 * schema.yml, as config() does.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Config {
    String[] value();
}
