package dev.mallard.core.parse;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.project.Target;
import java.util.List;
import java.util.Map;

/**
 * Where a node is built: generate_database_name, generate_schema_name and
 * generate_alias_name, using the project's overrides when it defines them.
 */
final class RelationNamer {
    private final Target target;
    private final JinjaEngine jinja;
    private final Vars vars;

    RelationNamer(Target target, JinjaEngine jinja, Vars vars) {
        this.target = target;
        this.jinja = jinja;
        this.vars = vars;
    }

    Relation name(String nodeName, Map<String, Object> config, Map<String, Object> nodeContext) {
        Object customSchema = config.get("schema");
        Object customDatabase = config.get("database");
        Object alias = config.get("alias");
        String schema = callOrDefault("generate_schema_name", customSchema, nodeContext,
                () -> customSchema == null ? target.schema() : target.schema() + "_" + String.valueOf(customSchema).trim());
        String database = callOrDefault("generate_database_name", customDatabase, nodeContext,
                () -> customDatabase == null ? target.effectiveDatabase() : String.valueOf(customDatabase).trim());
        String identifier = callOrDefault("generate_alias_name", alias, nodeContext,
                () -> alias == null ? nodeName : String.valueOf(alias).trim());
        return new Relation(database, schema, identifier);
    }

    private String callOrDefault(String macro, Object custom, Map<String, Object> node,
                                 java.util.function.Supplier<String> fallback) {
        // dbt's own generate_*_name (the built-in library) is what the fallback computes, faster
        if (!jinja.hasMacro(macro) || BuiltinMacros.isBuiltin(jinja.macroFile(macro))) {
            return fallback.get();
        }
        ParseRuntime rt = new ParseRuntime(vars, target.context(), Map.of(), null);
        Object out = jinja.callMacro(macro, java.util.Arrays.asList(custom, node), Map.of(), rt, Map.of());
        return String.valueOf(out).trim();
    }

}
