package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dbt unit test ({@code unit_tests:} in properties YAML): the tested model run on fixed
 * input rows and compared with expected rows. Its only DAG parent is the tested model;
 * {@code relation} is the model's schema with the test's name (nothing is ever created there).
 */
public record UnitTestNode(
        NodeId id,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        NodeConfig config,
        Relation relation,
        String description,
        String model,
        NodeId testedModel,
        List<Fixture> given,
        Fixture expect,
        Overrides overrides,
        String checksum,
        Object version,
        Map<String, Object> versions) implements Node {

    /** A unit test of an unversioned model. */
    public UnitTestNode(NodeId id, String name, String packageName, String path, String originalFilePath,
                        List<String> fqn, NodeConfig config, Relation relation, String description, String model,
                        NodeId testedModel, List<Fixture> given, Fixture expect, Overrides overrides, String checksum) {
        this(id, name, packageName, path, originalFilePath, fqn, config, relation, description, model, testedModel,
                given, expect, overrides, checksum, null, null);
    }

    public UnitTestNode {
        versions = versions == null ? null : Frozen.map(versions);
        fqn = List.copyOf(fqn);
        given = List.copyOf(given);
        Objects.requireNonNull(expect, "expect");
        description = description == null ? "" : description;
    }

    /** How a fixture's rows are written: YAML mappings, CSV text or a SQL query. */
    public enum Format {
        DICT,
        CSV,
        SQL;

        public String dbtName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a {@code given:} entry stands in for. */
    public sealed interface Input permits RefInput, SourceInput, ThisInput {
    }

    /**
     * {@code ref('name')} or {@code ref('package', 'name')}, version null unless pinned
     * ({@code ref('name', v=2)}: kept as written).
     */
    public record RefInput(String packageName, String name, Object version) implements Input {

        /** An input that pins no version. */
        public RefInput(String packageName, String name) {
            this(packageName, name, null);
        }

        /** The ref call this input stands for. */
        public RefCall call() {
            return new RefCall(packageName, name, 0, version);
        }
    }

    /** {@code source('source_name', 'table_name')}. */
    public record SourceInput(String sourceName, String tableName) implements Input {
    }

    /** {@code this}: the tested model's own (previous) rows, for incremental models. */
    public record ThisInput() implements Input {
    }

    /**
     * One {@code given:} entry (with {@code input}) or the {@code expect:} block ({@code input}
     * null). Rows are column-to-value maps for dict and csv formats (csv values are strings,
     * empty ones null); {@code sql} holds the query of the sql format; {@code fixture} names the
     * file under {@code <test-path>/fixtures/} the rows came from, or is null.
     */
    public record Fixture(String inputText, Input input, Format format, List<Map<String, Object>> rows, String sql,
                          String fixture) {
        public Fixture {
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
            }
            rows = Collections.unmodifiableList(copy);
        }

        /** Rows written inline (no {@code fixture:} file). */
        public Fixture(String inputText, Input input, Format format, List<Map<String, Object>> rows, String sql) {
            this(inputText, input, format, rows, sql, null);
        }
    }

    /** {@code overrides:}: macro results (is_incremental), vars and env vars; {@code declared} false when absent. */
    public record Overrides(Map<String, Object> macros, Map<String, Object> vars, Map<String, Object> envVars,
                            boolean declared) {
        public static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of(), false);

        public Overrides {
            macros = Frozen.map(macros);
            vars = Frozen.map(vars);
            envVars = Frozen.map(envVars);
        }

        /** The is_incremental override, or null when not given. */
        public Boolean isIncremental() {
            return macros.get("is_incremental") instanceof Boolean b ? b : null;
        }
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.UNIT_TEST;
    }

    @Override
    public Map<String, ColumnSpec> columns() {
        return Map.of();
    }

    /** The tested model is the unit test's one parent in the DAG. */
    @Override
    public List<RefCall> refs() {
        return List.of(new RefCall(packageName, model, 0, version));
    }

    /** dbt's display name, {@code model::test}. */
    public String displayName() {
        return model + "::" + name;
    }
}
