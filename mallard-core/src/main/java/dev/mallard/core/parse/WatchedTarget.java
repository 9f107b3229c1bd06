package dev.mallard.core.parse;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code target} a template sees while parsing, telling when it reads {@code threads}: the
 * saved parse is not keyed on the thread count (dbt's partial parse is not either, and
 * {@code --threads 1} then {@code --threads 2} would each parse from scratch), so a file whose
 * render read it records the value it saw, as for an environment variable. Going through all
 * entries (iteration, {@code tojson}, equality) counts as reading it.
 */
final class WatchedTarget extends AbstractMap<String, Object> {
    static final String THREADS = "threads";

    private final Map<String, Object> target;
    private final Consumer<Object> threadsRead;

    WatchedTarget(Map<String, Object> target, Consumer<Object> threadsRead) {
        this.target = target;
        this.threadsRead = threadsRead;
    }

    @Override
    public Object get(Object key) {
        Object value = target.get(key);
        if (THREADS.equals(key)) {
            threadsRead.accept(value);
        }
        return value;
    }

    @Override
    public boolean containsKey(Object key) {
        return target.containsKey(key);
    }

    @Override
    public int size() {
        return target.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (target.containsKey(THREADS)) {
            threadsRead.accept(target.get(THREADS));
        }
        return target.entrySet();
    }
}
