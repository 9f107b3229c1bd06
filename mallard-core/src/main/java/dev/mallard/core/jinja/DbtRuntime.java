package dev.mallard.core.jinja;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import java.util.List;
import java.util.Map;

/**
 * What a template may ask of the running invocation. The parser implements it with
 * execute=false (recording ref/source/config calls); the executor with execute=true
 * (resolving relations and running queries on a real engine session).
 */
public interface DbtRuntime {

    /** False while parsing, true while compiling or running. */
    boolean execute();

    /** {@code ref('name')} or {@code ref('package', 'name')}: a relation (or an ephemeral CTE name). */
    Object ref(String packageName, String name);

    /** {@code ref('name', v=1)}: a pinned version (as written: int, float or str), or null for the latest. */
    default Object ref(String packageName, String name, Object version) {
        return ref(packageName, name);
    }

    /** {@code source('source_name', 'table_name')}. */
    Object source(String sourceName, String tableName);

    /** A {@code config(...)} call: records the values at parse time. */
    void config(Map<String, Object> values);

    /** {@code config.get(key, default)}: the node's effective config. */
    Object configValue(String key, Object defaultValue);

    /** {@code this}, or null outside a node. */
    RelationValue thisRelation();

    /** {@code var(name, default)}; {@code hasDefault} false raises a missing-var error when unset. */
    Object var(String name, Object defaultValue, boolean hasDefault);

    /** Where var {@code name} is set, for errors ({@code --vars}, {@code dbt_project.yml}); null when unknown. */
    default String varOrigin(String name) {
        return null;
    }

    boolean isIncremental();

    /** The package of the node being rendered (its macros come first); null for none or the root. */
    default String packageName() {
        return null;
    }

    /** {@code env_var(name)}: the process environment, unless a unit test overrides it; null when unset. */
    default String envVar(String name) {
        return System.getenv(name);
    }

    /** Runs SQL on the engine (execute=true only). */
    QueryResult runQuery(String sql);

    /** adapter.get_relation: null when missing. */
    RelationValue getRelation(String database, String schema, String identifier);

    List<ColumnInfo> getColumns(RelationValue relation);

    /** The {@code target} context variable. */
    Map<String, Object> target();

    /** Told the template line of the ref/source call about to be made (parse-time bookkeeping). */
    default void atLine(int line) {
    }

    /** Told of a macro the rendered node calls itself, by unique id (dbt's depends_on.macros). */
    default void macroCalled(String uniqueId) {
    }

    /** Where log() and print() lines go. */
    void log(String message, boolean info);

    /**
     * Told of an error the template raises on purpose ({@code exceptions.raise_compiler_error}, a refused
     * dispatch) just before it is thrown: at parse time dbt stops there, where other errors may be
     * gaps of the parse context.
     */
    default void raising(String message) {
    }

    /** {@code exceptions.warn()}: a warning line (dbt's JinjaLogWarning). */
    default void warn(String message) {
        log(message, true);
    }

    /** Jinja's {@code print()}: a line of its own kind, which {@code --no-print} silences. */
    default void print(String message) {
        log(message, true);
    }
}
