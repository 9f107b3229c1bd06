package dev.mallard.core.jinja;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.PyCallable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code config} global: called as {@code config(materialized='table')} it records the
 * values; {@code config.get('key', default)} and {@code config.require('key')} read the
 * node's effective config.
 */
final class ConfigObject implements PyObject, PyCallable {
    private static final Set<String> METHODS = Set.of("get", "require", "set");

    @Override
    @SuppressWarnings("unchecked")
    public Object call(CallSite site, Args args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object p : args.positional()) {
            if (p instanceof Map<?, ?> m) {
                values.putAll((Map<String, Object>) m);
            }
        }
        values.putAll(args.named());
        DbtFunctions.runtime(site).config(values);
        return "";
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        DbtRuntime runtime = DbtFunctions.runtime(site);
        switch (method) {
            case "get":
                return Frozen.thawed(runtime.configValue(String.valueOf(a.require(0, "name", "config.get")),
                        a.get(1, "default", null)));
            case "require": {
                String key = String.valueOf(a.require(0, "name", "config.require"));
                Object v = runtime.configValue(key, null);
                if (v == null) {
                    throw new MallardException(ErrorCode.JINJA, "required config '" + key + "' is missing");
                }
                return Frozen.thawed(v);
            }
            case "set":
                runtime.config(Map.of(String.valueOf(a.require(0, "name", "config.set")), a.get(1, "value", null)));
                return "";
            default:
                return MISSING;
        }
    }

    @Override
    public String typeName() {
        return "Config";
    }

    @Override
    public String toString() {
        return "";
    }
}
