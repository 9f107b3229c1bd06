package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.tag.Tag;

/**
 * Registers dbt's context on Jinjava's global context once per engine: functions, tags and
 * the stateless objects ({@code adapter}, {@code exceptions}, {@code modules}, {@code api}).
 * Anything that depends on the invocation is looked up through {@link DbtFunctions#runtime()}.
 */
final class DbtGlobals {
    private DbtGlobals() {
    }

    static void register(Context global, java.util.Set<String> packageNames) {
        for (String fn : new String[] {"ref", "source", "config", "var", "env_var", "log"}) {
            global.registerFunction(new ELFunctionDefinition("", fn, DbtFunctions.class, fn, Object[].class));
        }
        // return() is evaluated by AstReturn; the definition only lets JUEL bind the name
        global.registerFunction(new ELFunctionDefinition("", "return", DbtFunctions.class, "return_", Object[].class));
        global.registerFunction(new ELFunctionDefinition("", "is_incremental", DbtFunctions.class, "is_incremental"));
        global.registerFunction(new ELFunctionDefinition("", "print", DbtFunctions.class, "print", Object.class));
        global.registerFunction(new ELFunctionDefinition("", "run_query", DbtFunctions.class, "run_query", Object.class));
        global.registerFunction(new ELFunctionDefinition("", "load_result", StatementMacro.class, "loadResult",
                Object.class));
        for (String fn : new String[] {"tojson", "fromjson", "toyaml", "fromyaml", "zip", "set", "list", "dict"}) {
            global.registerFunction(new ELFunctionDefinition("", fn, DataFunctions.class, fn, Object[].class));
        }
        global.registerFunction(new ELFunctionDefinition("", "local_md5", DataFunctions.class, "local_md5",
                Object.class));

        global.registerTag(new DbtMacroTag());
        global.registerTag(new DbtCallTag());
        for (Tag tag : DbtTags.all()) {
            global.registerTag(tag);
        }
        global.addGlobalMacro(new StatementMacro());

        for (com.hubspot.jinjava.lib.filter.Filter filter : DbtFilters.all()) {
            global.registerFilter(filter);
        }
        global.put("dbt", new MacroNamespace("dbt"));
        for (String name : packageNames) {
            global.put(name, new MacroNamespace(name));
        }
        global.put("adapter", new AdapterObject());
        global.put("exceptions", new ExceptionsObject());
        global.put("modules", new ModulesObject());
        global.put("api", new ApiObject());
    }
}
