package dev.mallard.jinja.value;

/**
 * A host object that Python would call a {@code Mapping} without it being a dict (dbt's
 * Relation): Jinja's {@code mapping} test accepts it. Its items are reached through
 * attributes and its own {@code get} method.
 */
public interface PyMapping extends PyObject {
}
