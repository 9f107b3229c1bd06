package dev.mallard.core.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link IngestSource}s on the class path, by {@link IngestSource#type()}, found with
 * {@link ServiceLoader} ({@code META-INF/services/dev.mallard.core.ingest.IngestSource}) the
 * first time a project has ingests: projects without them never load a source class.
 */
public final class IngestSources {
    private static volatile Map<String, IngestSource> byType;

    private IngestSources() {
    }

    private static Map<String, IngestSource> all() {
        Map<String, IngestSource> found = byType;
        if (found == null) {
            synchronized (IngestSources.class) {
                if (byType == null) {
                    Map<String, IngestSource> m = new TreeMap<>();
                    java.util.Iterator<IngestSource> it = ServiceLoader.load(IngestSource.class,
                            IngestSources.class.getClassLoader()).iterator();
                    while (true) {
                        try {
                            if (!it.hasNext()) {
                                break;
                            }
                            IngestSource s = it.next();
                            m.putIfAbsent(s.type(), s);
                        } catch (java.util.ServiceConfigurationError e) {
                            // a listed source that cannot load is left out: its type then reads as unknown
                        }
                    }
                    byType = Map.copyOf(m);
                }
                found = byType;
            }
        }
        return found;
    }

    public static Optional<IngestSource> of(String type) {
        return Optional.ofNullable(all().get(type));
    }

    public static boolean known(String type) {
        return all().containsKey(type);
    }

    /** The known types, sorted, for messages. */
    public static List<String> types() {
        return new java.util.ArrayList<>(new java.util.TreeSet<>(all().keySet()));
    }
}
