package dev.mallard.jinja.eval;

import dev.mallard.jinja.value.Py;
import java.util.ArrayList;
import java.util.List;

/**
 * Where rendered output goes. In native mode (dbt's YAML rendering) the top level keeps the
 * raw values it printed, so a template that is one expression yields that value, not text.
 */
final class Out {
    final StringBuilder text = new StringBuilder();
    final List<Object> items;

    Out(boolean nativeMode) {
        this.items = nativeMode ? new ArrayList<>(2) : null;
    }

    void text(String s) {
        if (s.isEmpty()) {
            return;
        }
        if (items != null) {
            items.add(s);
        }
        text.append(s);
    }

    void value(Object v) {
        if (items != null) {
            items.add(v);
        }
        text.append(Py.str(v));
    }
}
