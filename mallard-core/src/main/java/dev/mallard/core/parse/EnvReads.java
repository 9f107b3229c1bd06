package dev.mallard.core.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every environment variable that {@code env_var()} read during a parse, with the value it
 * saw, wherever the call was (a model, a properties file, a source, a snapshot, a macro):
 * a saved parse is reused only while each of them has the same value. The variables a
 * model reads through the parse's own environment are told apart from those read from the
 * process's.
 * <p>
 * Readers are registered process-wide because the runtimes that read are made in many
 * places of a parse; a read during two parses at once is recorded for both, which can
 * only make a saved parse be reused less, never wrongly.
 */
final class EnvReads {
    private static final List<EnvReads> ACTIVE = new CopyOnWriteArrayList<>();
    private static final String PARSE_ENV = "parse:";
    private static final String PROCESS_ENV = "process:";
    /**
     * The key a template's read of {@code target.threads} is recorded under (see {@link WatchedTarget}),
     * in this record and in a model's cached render: no environment variable's name holds a '='.
     */
    static final String TARGET_THREADS = "=target.threads";

    private final Map<String, String> reads = Collections.synchronizedMap(new LinkedHashMap<>());

    private EnvReads() {
    }

    /** Starts recording; {@link #stop} it when the parse ends, however it ends. */
    static EnvReads start() {
        EnvReads r = new EnvReads();
        ACTIVE.add(r);
        return r;
    }

    void stop() {
        ACTIVE.remove(this);
    }

    static void record(boolean parseEnv, String name, String value) {
        for (EnvReads r : ACTIVE) {
            r.reads.put((parseEnv ? PARSE_ENV : PROCESS_ENV) + name, value);
        }
    }

    static void recordTargetThreads(String value) {
        for (EnvReads r : ACTIVE) {
            r.reads.put(TARGET_THREADS, value);
        }
    }

    /** The reads so far, by tagged name. */
    Map<String, String> reads() {
        synchronized (reads) {
            return new LinkedHashMap<>(reads);
        }
    }

    /** Whether every read in {@code saved} would see the same value now, with {@code threads} the target's. */
    static boolean unchanged(Map<?, ?> saved, Map<String, String> parseEnv, int threads) {
        for (Map.Entry<?, ?> e : saved.entrySet()) {
            String key = (String) e.getKey();
            if (TARGET_THREADS.equals(key)) {
                if (!String.valueOf(threads).equals(e.getValue())) {
                    return false;
                }
                continue;
            }
            String now = key.startsWith(PARSE_ENV) ? parseEnv.get(key.substring(PARSE_ENV.length()))
                    : key.startsWith(PROCESS_ENV) ? System.getenv(key.substring(PROCESS_ENV.length())) : null;
            if (!key.startsWith(PARSE_ENV) && !key.startsWith(PROCESS_ENV) || !Objects.equals(now, e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
