package dev.mallard.core.jinja;

import dev.mallard.core.engine.QueryResult;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code statement} macro: {@code {% call statement('name', fetch_result=True) %}sql{% endcall %}}
 * runs the body on the engine (only when execute is true) and keeps the result for
 * {@code load_result('name')}: a dict with {@code response}, {@code data} and {@code table}.
 */
final class StatementMacro implements PyCallable {
    static final String STATEMENTS_KEY = "__mallard_statements__";

    @Override
    public Object call(CallSite site, Args a) {
        Object caller = a.named().get("caller");
        if (caller == null) {
            return "";
        }
        String sql = Py.str(site.call(caller, Args.EMPTY));
        DbtRuntime runtime = DbtFunctions.runtime(site);
        if (!runtime.execute()) {
            return "";
        }
        QueryResult result = runtime.runQuery(sql);
        Object name = a.get(0, "name", null);
        if (name != null) {
            statements(site).put(Py.str(name), loadResult(result, Py.truthy(a.get(1, "fetch_result", false))));
        }
        return "";
    }

    private static Map<String, Object> loadResult(QueryResult result, boolean fetch) {
        Map<String, Object> response = new LinkedHashMap<>();
        int rows = result == null ? 0 : result.rows().size();
        response.put("_message", "OK");
        response.put("code", "OK");
        response.put("rows_affected", (long) rows);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("response", response);
        AgateTable table = result == null || !fetch ? null : new AgateTable(result);
        out.put("table", table);
        out.put("data", table == null ? List.of() : table.getRows());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statements(CallSite site) {
        Object map = site.lookup(STATEMENTS_KEY);
        return map instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }

    /** {@code load_result('name')}: the statement's result, or None if it did not run. */
    static PyCallable loadResultFunction() {
        return (site, a) -> statements(site).get(Py.str(a.require(0, "name", "load_result")));
    }
}
