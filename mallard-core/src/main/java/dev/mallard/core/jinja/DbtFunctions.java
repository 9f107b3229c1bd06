package dev.mallard.core.jinja;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.MacroReturn;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.Undefined;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's global functions ({@code ref}, {@code source}, {@code config}, {@code var},
 * {@code env_var}, {@code log}, {@code print}, {@code return}, {@code is_incremental},
 * {@code run_query}). Each finds the invocation's {@link DbtRuntime} through the render
 * that calls it.
 */
public final class DbtFunctions {
    static final String RUNTIME_KEY = "__mallard_runtime__";

    private DbtFunctions() {
    }

    static DbtRuntime runtime(CallSite site) {
        Object rt = site.lookup(RUNTIME_KEY);
        if (!(rt instanceof DbtRuntime runtime)) {
            throw new MallardException(ErrorCode.INTERNAL, "no dbt runtime bound to this template");
        }
        return runtime;
    }

    /** The functions, by the name templates call them. */
    static Map<String, Object> all() {
        Map<String, Object> fns = new LinkedHashMap<>();
        fns.put("ref", (PyCallable) DbtFunctions::ref);
        fns.put("source", (PyCallable) DbtFunctions::source);
        fns.put("config", new ConfigObject());
        fns.put("var", (PyCallable) DbtFunctions::var);
        fns.put("env_var", (PyCallable) DbtFunctions::envVar);
        fns.put("log", (PyCallable) (site, a) -> {
            runtime(site).log(Py.str(a.get(0, "msg", "")), Py.truthy(a.get(1, "info", false)));
            return "";
        });
        fns.put("print", (PyCallable) (site, a) -> {
            runtime(site).print(Py.str(a.get(0, "msg", "")));
            return "";
        });
        fns.put("return", (PyCallable) (site, a) -> {
            throw new MacroReturn(a.get(0, "data", null));
        });
        fns.put("is_incremental", (PyCallable) (site, a) -> {
            return runtime(site).isIncremental();
        });
        fns.put("run_query", (PyCallable) (site, a) -> {
            DbtRuntime rt = runtime(site);
            if (!rt.execute()) {
                // dbt's run_query is load_result(...).table, and load_result is None while parsing:
                // Jinja's plain Undefined for attribute 'table' of None (prints empty, no rows)
                return Undefined.member(null, "table", false);
            }
            return new AgateTable(rt.runQuery(Py.str(a.require(0, "sql", "run_query"))));
        });
        return fns;
    }

    private static Object ref(CallSite site, Args a) {
        runtime(site).atLine(site.line());
        List<Object> names = a.positional();
        if (names.isEmpty()) {
            throw new MallardException(ErrorCode.JINJA, "ref() needs a model name");
        }
        // dbt's ref(name, v=...) / ref(package, name, version=...): the version as written, int or str
        Object version = a.named().get("version");
        if (version == null) {
            version = a.named().get("v");
        }
        if (names.size() >= 2) {
            return runtime(site).ref(Py.str(names.get(0)), Py.str(names.get(1)), version);
        }
        return runtime(site).ref(null, Py.str(names.get(0)), version);
    }

    private static Object source(CallSite site, Args a) {
        runtime(site).atLine(site.line());
        Object s = a.get(0, "source_name", null);
        Object t = a.get(1, "table_name", null);
        if (s == null || t == null) {
            throw new MallardException(ErrorCode.JINJA, "source() needs a source name and a table name");
        }
        return runtime(site).source(Py.str(s), Py.str(t));
    }

    private static Object var(CallSite site, Args a) {
        Object name = a.get(0, "name", null);
        if (name == null) {
            throw new MallardException(ErrorCode.JINJA, "var() needs a variable name");
        }
        boolean hasDefault = a.has(1, "default");
        runtime(site).atLine(site.line());
        return Frozen.thawed(runtime(site).var(Py.str(name), a.get(1, "default", null), hasDefault));
    }

    private static Object envVar(CallSite site, Args a) {
        Object name = a.get(0, "var", null);
        String value = name == null ? null : runtime(site).envVar(Py.str(name));
        if (value != null) {
            return value;
        }
        if (a.has(1, "default")) {
            return a.get(1, "default", null);
        }
        throw new MallardException(ErrorCode.JINJA, "Env var required but not provided: '" + name + "'");
    }
}
