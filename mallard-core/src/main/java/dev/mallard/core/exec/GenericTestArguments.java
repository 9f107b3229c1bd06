package dev.mallard.core.exec;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.RelationValue;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.jinja.TemplateFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The keyword arguments of a generic test's macro call, rendered as dbt renders them. */
final class GenericTestArguments {
    private GenericTestArguments() {
    }

    static Map<String, Object> kwargs(JinjaEngine jinja, TestNode test, ExecRuntime rt, Map<String, Object> bindings) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : test.metadata().kwargs().entrySet()) {
            if (e.getKey().equals("model")) {
                kwargs.put("model", testedRelation(test, rt));
            } else if (e.getKey().equals("column_name")) {
                // dbt leaves the column name as written (its one argument not rendered)
                kwargs.put(e.getKey(), Frozen.thawed(e.getValue()));
            } else {
                kwargs.put(e.getKey(), renderArgument(jinja, Frozen.thawed(e.getValue()), test, rt, bindings));
            }
        }
        return kwargs;
    }

    /** dbt's test arguments that look like a call and are rendered as one: {@code ref('x')}, {@code var('y')}. */
    private static final Pattern LOOKS_LIKE_CALL = Pattern.compile("^\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*$",
            Pattern.DOTALL);

    /**
     * A generic test's argument as dbt renders it (natively, so ref('x') arrives as the relation
     * itself): every string that holds Jinja or looks like a call, also inside lists and mappings.
     */
    @SuppressWarnings("unchecked")
    private static Object renderArgument(JinjaEngine jinja, Object value, TestNode test, ExecRuntime rt,
                                         Map<String, Object> bindings) {
        if (value instanceof String str) {
            boolean call = LOOKS_LIKE_CALL.matcher(str).matches();
            if (!call && !str.contains("{{") && !str.contains("{%")) {
                return str;
            }
            String template = call ? "{{ " + str + " }}" : str;
            return jinja.renderNative(new TemplateFile(test.originalFilePath(), template), rt, bindings);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(renderArgument(jinja, item, test, rt, bindings));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, renderArgument(jinja, v, test, rt, bindings)));
            return out;
        }
        return value;
    }

    /**
     * The tested relation; with a {@code where} config the subquery text, a string as dbt's
     * get_where_subquery returns it (so {@code model.identifier} is undefined then).
     */
    private static Object testedRelation(TestNode test, ExecRuntime rt) {
        RelationValue base;
        if (test.attachedNode() != null && test.attachedNode().value().startsWith("source.")) {
            SourceCall s = test.sourceCalls().get(test.sourceCalls().size() - 1); // the tested source comes last
            base = (RelationValue) rt.source(s.sourceName(), s.tableName());
        } else {
            RefCall r = test.refs().get(test.refs().size() - 1); // the tested model comes last, as in dbt
            base = (RelationValue) rt.ref(r.packageName(), r.name(), r.version());
        }
        Object where = test.config().get("where");
        if (where == null || String.valueOf(where).isBlank()) {
            return base;
        }
        return "(select * from " + base.render() + " where " + where + ") dbt_subquery";
    }
}
