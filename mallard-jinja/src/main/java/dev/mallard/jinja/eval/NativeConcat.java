package dev.mallard.jinja.eval;

import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.value.LiteralEval;
import dev.mallard.jinja.value.MarkedText;
import dev.mallard.jinja.value.Py;
import java.util.List;

/** dbt's quoted_native_concat: the value a natively rendered template's output items make. */
final class NativeConcat {
    private NativeConcat() {
    }

    /**
     * Renders as dbt renders YAML values (its native environment and quoted_native_concat):
     * a template whose output is one value yields that value itself (a number stays a
     * number); text marked by {@code as_bool}, {@code as_number} or {@code as_native} is read
     * back as a Python literal (and must be a bool / number for the first two); anything
     * else yields the rendered text.
     */
    static Object of(List<Object> items, String templateName) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() > 1) {
            StringBuilder sb = new StringBuilder();
            items.forEach(v -> sb.append(Py.str(v)));
            return sb.toString();
        }
        Object raw = items.get(0);
        if (!(raw instanceof MarkedText marked)) {
            return raw;
        }
        if (marked.kind() == MarkedText.Kind.TEXT) {
            return marked.text();
        }
        Object value = LiteralEval.eval(marked.text());
        if (value == Py.NOT_FOUND) {
            value = marked.text();
        }
        if (marked.kind() == MarkedText.Kind.BOOL && !(value instanceof Boolean)) {
            throw new TemplateError(TemplateError.Kind.RUNTIME, "Could not convert value '" + marked.text()
                    + "' into type 'bool'", templateName, 1, 0, null, null);
        }
        if (marked.kind() == MarkedText.Kind.NUMBER && (!Py.isNumber(value) || value instanceof Boolean)) {
            throw new TemplateError(TemplateError.Kind.RUNTIME, "Could not convert value '" + marked.text()
                    + "' into type 'number'", templateName, 1, 0, null, null);
        }
        return value;
    }
}
