package dev.mallard.core.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dbt global functions, registered with Jinjava as static methods. Each finds the
 * invocation's {@link DbtRuntime} in the current interpreter's context.
 */
public final class DbtFunctions {
    static final String RUNTIME_KEY = "__mallard_runtime__";

    private DbtFunctions() {
    }

    static DbtRuntime runtime() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object rt = interpreter == null ? null : interpreter.getContext().get(RUNTIME_KEY);
        if (rt == null) {
            throw new MallardException(ErrorCode.INTERNAL, "no dbt runtime bound to this template");
        }
        return (DbtRuntime) rt;
    }

    /** Positional arguments, with named ones collected separately. */
    record Args(List<Object> positional, Map<String, Object> named) {
        static Args of(Object... args) {
            List<Object> pos = new ArrayList<>();
            Map<String, Object> named = new LinkedHashMap<>();
            if (args != null) {
                for (Object a : args) {
                    if (a instanceof NamedParameter np) {
                        named.put(np.getName(), np.getValue());
                    } else {
                        pos.add(a);
                    }
                }
            }
            return new Args(pos, named);
        }

        Object get(int index, String name) {
            if (named.containsKey(name)) {
                return named.get(name);
            }
            return index < positional.size() ? positional.get(index) : null;
        }

        boolean has(int index, String name) {
            return named.containsKey(name) || index < positional.size();
        }
    }

    public static Object ref(Object... args) {
        Args a = Args.of(args);
        if (a.positional().isEmpty()) {
            throw new MallardException(ErrorCode.JINJA, "ref() needs a model name");
        }
        if (a.positional().size() >= 2) {
            return runtime().ref(String.valueOf(a.positional().get(0)), String.valueOf(a.positional().get(1)));
        }
        return runtime().ref(null, String.valueOf(a.positional().get(0)));
    }

    public static Object source(Object... args) {
        Args a = Args.of(args);
        Object s = a.get(0, "source_name");
        Object t = a.get(1, "table_name");
        if (s == null || t == null) {
            throw new MallardException(ErrorCode.JINJA, "source() needs a source name and a table name");
        }
        return runtime().source(String.valueOf(s), String.valueOf(t));
    }

    @SuppressWarnings("unchecked")
    public static String config(Object... args) {
        Args a = Args.of(args);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object p : a.positional()) {
            if (p instanceof Map<?, ?> m) {
                values.putAll((Map<String, Object>) m);
            }
        }
        values.putAll(a.named());
        runtime().config(values);
        return "";
    }

    public static Object var(Object... args) {
        Args a = Args.of(args);
        Object name = a.get(0, "name");
        if (name == null) {
            throw new MallardException(ErrorCode.JINJA, "var() needs a variable name");
        }
        boolean hasDefault = a.has(1, "default");
        return runtime().var(String.valueOf(name), a.get(1, "default"), hasDefault);
    }

    public static Object env_var(Object... args) {
        Args a = Args.of(args);
        Object name = a.get(0, "var");
        String value = name == null ? null : runtime().envVar(String.valueOf(name));
        if (value != null) {
            return value;
        }
        if (a.has(1, "default")) {
            return a.get(1, "default");
        }
        throw new MallardException(ErrorCode.JINJA, "env var required but not provided: '" + name + "'");
    }

    public static boolean is_incremental() {
        return runtime().isIncremental();
    }

    public static String log(Object... args) {
        Args a = Args.of(args);
        Object info = a.get(1, "info");
        runtime().log(String.valueOf(a.get(0, "msg")), info instanceof Boolean b && b);
        return "";
    }

    public static String print(Object msg) {
        runtime().log(String.valueOf(msg), true);
        return "";
    }

    /** Never called: {@link AstReturn} evaluates return() in place. */
    public static Object return_(Object... args) {
        throw new MacroReturn(args == null || args.length == 0 ? null : args[0]);
    }

    public static Object run_query(Object sql) {
        if (!runtime().execute()) {
            return null;
        }
        return new AgateTable(runtime().runQuery(String.valueOf(sql)));
    }
}
