package dev.mallard.core.jinja;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} for the values templates handle. */
final class PyStr {
    private PyStr() {
    }

    static String str(Object value) {
        if (value instanceof CharSequence || value instanceof SafeString) {
            return value.toString();
        }
        return repr(value);
    }

    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof CharSequence || value instanceof SafeString) {
            return quote(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
                return BigDecimal.valueOf(d).setScale(1).toPlainString();
            }
            return Double.toString(d);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (value instanceof Collection<?> items) {
            boolean tuple = PyTypes.isTuple(value);
            StringBuilder sb = new StringBuilder(tuple ? "(" : "[");
            Iterator<?> it = items.iterator();
            while (it.hasNext()) {
                sb.append(repr(it.next()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            if (tuple && items.size() == 1) {
                sb.append(',');
            }
            return sb.append(tuple ? ")" : "]").toString();
        }
        return value.toString();
    }

    private static String quote(String s) {
        boolean useDouble = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char q = useDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append(q).toString();
    }
}
