package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.mallard.core.engine.QueryResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code statement} macro: {@code {% call statement('name', fetch_result=True) %}sql{% endcall %}}
 * runs the body on the engine (only when execute is true) and keeps the result for
 * {@code load_result('name')}: a dict with {@code response}, {@code data} and {@code table}.
 */
final class StatementMacro extends MacroFunction {

    StatementMacro() {
        super(List.of(), "statement", signature(), false, new Context(), 0, 0);
    }

    private static LinkedHashMap<String, Object> signature() {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("name", null);
        args.put("fetch_result", false);
        args.put("auto_begin", true);
        args.put("language", "sql");
        return args;
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        MacroFunction caller = interpreter.getContext().getGlobalMacro("caller");
        if (caller == null) {
            return "";
        }
        String sql = String.valueOf(caller.doEvaluate(new HashMap<>(), new HashMap<>(), List.of()));
        DbtRuntime runtime = DbtFunctions.runtime();
        if (!runtime.execute()) {
            return "";
        }
        QueryResult result = runtime.runQuery(sql);
        Object name = argMap.get("name");
        if (name != null) {
            statements().put(name.toString(), loadResult(result, PyTypes.truthy(argMap.get("fetch_result"))));
        }
        return "";
    }

    private static Map<String, Object> loadResult(QueryResult result, boolean fetch) {
        Map<String, Object> response = new LinkedHashMap<>();
        int rows = result == null ? 0 : result.rows().size();
        response.put("_message", "OK");
        response.put("code", "OK");
        response.put("rows_affected", rows);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("response", response);
        AgateTable table = result == null || !fetch ? null : new AgateTable(result);
        out.put("table", table);
        out.put("data", table == null ? List.of() : table.getRows());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statements() {
        Object map = JinjavaInterpreter.getCurrent().getContext().get(JinjaEngine.STATEMENTS_KEY);
        return map instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }

    /** {@code load_result('name')}: the statement's result, or None if it did not run. */
    public static Object loadResult(Object name) {
        return statements().get(String.valueOf(name));
    }
}
