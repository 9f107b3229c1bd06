package dev.mallard.core.parse;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.jinja.DbtRuntime;
import dev.mallard.core.jinja.RelationValue;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parse-phase runtime (execute=false): records ref, source and config calls. */
final class ParseRuntime implements DbtRuntime {
    private final Vars vars;
    private final Map<String, Object> target;
    private final Map<String, Object> baseConfig;
    private final Relation self;
    final List<RefCall> refs = new ArrayList<>();
    /** The macros the node's own code called while parsed, in call order (depends_on.macros). */
    final java.util.Set<String> macroCalls = new java.util.LinkedHashSet<>();
    final List<SourceCall> sources = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();

    ParseRuntime(Vars vars, Map<String, Object> target, Map<String, Object> baseConfig, Relation self) {
        this.vars = vars;
        this.target = target == null ? null : new WatchedTarget(target, this::threadsRead);
        this.baseConfig = baseConfig;
        this.self = self;
    }

    /** The first var() that had no value; reported only if the node turns out to be enabled, as dbt does. */
    MallardException missingVar;
    /** Set for models: a missing var in a model that config() then disables is no error. */
    boolean deferMissingVars;
    /** The environment variables env_var() read, with their values (null: unset), when recorded for the cache. */
    Map<String, String> envReads;
    /** The environment env_var() reads; null: the process's. */
    Map<String, String> env;
    private int line;
    /** The first error the template raised on purpose (see {@link #raising}), or null. */
    String raised;

    @Override
    public void macroCalled(String uniqueId) {
        macroCalls.add(uniqueId);
    }

    @Override
    public void raising(String message) {
        if (raised == null) {
            raised = message;
        }
    }

    @Override
    public String envVar(String name) {
        String value = env != null ? env.get(name) : DbtRuntime.super.envVar(name);
        if (envReads != null) {
            envReads.put(name, value);
        }
        EnvReads.record(env != null, name, value);
        return value;
    }

    /** A read of {@code target.threads}, recorded where env_var() reads are (the saved parse is not keyed on it). */
    private void threadsRead(Object value) {
        String seen = String.valueOf(value);
        if (envReads != null) {
            envReads.put(EnvReads.TARGET_THREADS, seen);
        }
        EnvReads.recordTargetThreads(seen);
    }

    @Override
    public void atLine(int line) {
        this.line = line;
    }

    private int line() {
        return line;
    }

    @Override
    public String packageName() {
        return vars.scope();
    }

    @Override
    public boolean execute() {
        return false;
    }

    @Override
    public Object ref(String packageName, String name) {
        return ref(packageName, name, null);
    }

    @Override
    public Object ref(String packageName, String name, Object version) {
        refs.add(new RefCall(packageName, name, line(), version));
        return parsedRelation(new Relation(null, null, name));
    }

    @Override
    public Object source(String sourceName, String tableName) {
        sources.add(new SourceCall(sourceName, tableName, line()));
        return parsedRelation(new Relation(null, sourceName, tableName));
    }

    /**
     * What ref() and source() give while parsing: as dbt's parse resolvers, the node's own
     * relation, so a config value built from ref() at parse time (a hook's text) holds what dbt's holds.
     */
    private RelationValue parsedRelation(Relation orElse) {
        return new RelationValue(self == null ? orElse : self, "table");
    }

    @Override
    public void config(Map<String, Object> values) {
        ConfigMerger.mergeInto(config, values);
    }

    @Override
    public Object configValue(String key, Object defaultValue) {
        String k = ConfigMerger.normalizeKey(key);
        if (config.containsKey(k)) {
            return config.get(k);
        }
        return baseConfig.getOrDefault(k, defaultValue);
    }

    @Override
    public RelationValue thisRelation() {
        return self == null ? null : new RelationValue(self, "table");
    }

    @Override
    public Object var(String name, Object defaultValue, boolean hasDefault) {
        try {
            return vars.get(name, defaultValue, hasDefault);
        } catch (MallardException e) {
            if (!deferMissingVars) {
                throw e;
            }
            if (missingVar == null) {
                missingVar = e;
            }
            return null;
        }
    }

    @Override
    public String varOrigin(String name) {
        return vars.origin(name);
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public QueryResult runQuery(String sql) {
        return null;
    }

    @Override
    public RelationValue getRelation(String database, String schema, String identifier) {
        return null;
    }


    @Override
    public List<ColumnInfo> getColumns(RelationValue relation) {
        return List.of();
    }

    @Override
    public Map<String, Object> target() {
        return target;
    }

    @Override
    public void log(String message, boolean info) {
        // dbt does not print log() output while parsing
    }
}
