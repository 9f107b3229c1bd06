/**
 * {@code mallard migrate diff}: the migration between a live DuckDB schema and a declared
 * {@code schema.sql}, in the manner of Alembic's autogenerate.
 *
 * <p>The flow: {@link dev.mallard.core.migrate.diff.SchemaDiffer} runs the declared file into a
 * scratch in-memory database (statement by statement, so an error names its line), reads both
 * databases into {@link dev.mallard.core.migrate.diff.SchemaModel}s through the same catalog
 * queries, and plans the statements each way. Changes DuckDB can ALTER (columns added,
 * dropped, retyped, nullability, defaults) become ALTER TABLE; the rest (constraints, and
 * column changes DuckDB refuses on indexed or referenced tables) become a table rebuild that
 * keeps the rows. The result is a {@link dev.mallard.core.migrate.diff.SchemaDiff}.
 */
package dev.mallard.core.migrate.diff;
