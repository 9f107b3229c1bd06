package dev.mallard.core.events;

/** Thread names in dbt's manner: {@code MainThread} for the main thread. */
final class Threads {
    private Threads() {
    }

    static String dbtName(Thread t) {
        return "main".equals(t.getName()) ? "MainThread" : t.getName();
    }
}
