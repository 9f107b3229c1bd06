package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrations:} block of dbt_project.yml.
 *
 * @param path         folder of the migration files, relative to the project (default {@code migrations})
 * @param applyOnBuild whether {@code build} applies pending migrations first (read by the build, not here)
 * @param table        name of the history table in the target schema (default {@code mallard_schema_history})
 * @param classpath    extra jars or class folders holding Java migrations, relative to the project;
 *                     {@code <path>/java} is always searched
 */
public record MigrationsConfig(String path, boolean applyOnBuild, String table, List<String> classpath) {
    public static final String DEFAULT_PATH = "migrations";
    public static final String DEFAULT_TABLE = "mallard_schema_history";

    public MigrationsConfig {
        if (path == null || path.isBlank()) {
            path = DEFAULT_PATH;
        }
        if (table == null || table.isBlank()) {
            table = DEFAULT_TABLE;
        }
        classpath = List.copyOf(classpath);
    }

    public static MigrationsConfig defaults() {
        return new MigrationsConfig(DEFAULT_PATH, false, DEFAULT_TABLE, List.of());
    }

    /** Reads the block; {@code null} means absent. Unknown keys are refused so typos do not go unnoticed. */
    static MigrationsConfig fromYaml(Object block, String file) {
        if (block == null) {
            return defaults();
        }
        if (!(block instanceof Map<?, ?> map)) {
            throw new MallardException(ErrorCode.PROJECT, "'migrations' must be a mapping", file, 0);
        }
        for (Object key : map.keySet()) {
            if (!List.of("path", "apply_on_build", "table", "classpath").contains(String.valueOf(key))) {
                throw new MallardException(ErrorCode.PROJECT, "unknown key 'migrations." + key + "'", file, 0,
                        "known keys: path, apply_on_build, table, classpath", null);
            }
        }
        Object applyOnBuild = map.get("apply_on_build");
        if (applyOnBuild != null && !(applyOnBuild instanceof Boolean)) {
            throw new MallardException(ErrorCode.PROJECT, "'migrations.apply_on_build' must be true or false", file, 0);
        }
        Object table = map.get("table");
        if (table != null && !String.valueOf(table).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MallardException(ErrorCode.PROJECT, "'migrations.table' must be a plain identifier, not '"
                    + table + "'", file, 0);
        }
        Object cp = map.get("classpath");
        List<String> classpath;
        if (cp == null) {
            classpath = List.of();
        } else if (cp instanceof List<?> l) {
            classpath = l.stream().map(String::valueOf).toList();
        } else {
            classpath = List.of(String.valueOf(cp));
        }
        return new MigrationsConfig(map.get("path") == null ? null : String.valueOf(map.get("path")),
                Boolean.TRUE.equals(applyOnBuild), table == null ? null : String.valueOf(table), classpath);
    }
}
