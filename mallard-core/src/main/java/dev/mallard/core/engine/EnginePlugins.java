package dev.mallard.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Engines that mallard.jar does not carry (Spark, with its 270 MB of jars): a directory of
 * jars, loaded in a class loader of its own only when a profile names a type no built-in
 * engine serves, so the common path never opens them. The directories: those listed in
 * {@code MALLARD_ENGINES} (or the system property {@code mallard.engines}), each a directory
 * of jars or of such directories, then {@code mallard-spark/target/lib} of the checkout the
 * running mallard.jar was built in.
 */
final class EnginePlugins {
    private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private EnginePlugins() {
    }

    /** The factory for {@code type} from the first engine directory that has one. */
    static Optional<EngineFactory> find(String type) {
        for (Path dir : jarDirectories()) {
            for (EngineFactory f : ServiceLoader.load(EngineFactory.class, loader(dir))) {
                if (f.type().equalsIgnoreCase(type)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The types the engine directories offer, for an error message. */
    static List<String> types() {
        List<String> out = new ArrayList<>();
        for (Path dir : jarDirectories()) {
            ServiceLoader.load(EngineFactory.class, loader(dir)).forEach(f -> out.add(f.type()));
        }
        return out;
    }

    private static ClassLoader loader(Path dir) {
        return LOADERS.computeIfAbsent(dir, d -> {
            List<URL> urls = new ArrayList<>();
            for (Path jar : jars(d)) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new URLClassLoader("mallard-engine-" + d.getFileName(), urls.toArray(URL[]::new),
                    EnginePlugins.class.getClassLoader());
        });
    }

    static List<Path> jarDirectories() {
        List<Path> roots = new ArrayList<>();
        String listed = System.getProperty("mallard.engines", System.getenv("MALLARD_ENGINES"));
        if (listed != null && !listed.isBlank()) {
            for (String p : listed.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    roots.add(Path.of(p.strip()));
                }
            }
        }
        checkoutLib().ifPresent(roots::add);
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!jars(root).isEmpty()) {
                out.add(root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> children = Files.list(root)) {
                    children.filter(c -> !jars(c).isEmpty()).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** {@code mallard-spark/target/lib} beside the mallard-cli/target/mallard.jar this class was loaded from. */
    private static Optional<Path> checkoutLib() {
        try {
            var source = EnginePlugins.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path checkout = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().getParent();
            return checkout == null ? Optional.empty() : Optional.of(checkout.resolve("mallard-spark/target/lib"));
        } catch (java.net.URISyntaxException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
