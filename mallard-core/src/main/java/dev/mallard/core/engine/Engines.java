package dev.mallard.core.engine;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Looks up the engine factory for a target's type. */
public final class Engines {
    private Engines() {
    }

    /** Refuses a target whose adapter type no engine provides, before anything is parsed (as dbt does). */
    public static void requireKnown(Target target) {
        List<String> known = new ArrayList<>();
        for (EngineFactory factory : ServiceLoader.load(EngineFactory.class)) {
            if (factory.type().equalsIgnoreCase(target.type())) {
                return;
            }
            known.add(factory.type());
        }
        if (EnginePlugins.find(target.type()).isPresent()) {
            return;
        }
        known.addAll(EnginePlugins.types());
        throw new MallardException(ErrorCode.PROFILE, "credentials in profile '" + target.profileName() + "', target '"
                + target.name() + "' are invalid: could not find adapter type '" + target.type() + "' (available: "
                + String.join(", ", known) + ")", null, 0, hint(target.type()), null);
    }

    /** How to add an engine mallard.jar leaves out. */
    private static String hint(String type) {
        return "spark".equalsIgnoreCase(type) ? "the Spark engine is an optional build: ./mvnw -Pspark -pl mallard-spark "
                + "-am package -DskipTests (or set MALLARD_ENGINES to a directory holding its jars)" : null;
    }

    /** {@link EngineFactory#prepare} of the built-in engine for {@code type}, if there is one. */
    public static void prepare(String type) {
        for (EngineFactory factory : ServiceLoader.load(EngineFactory.class)) {
            if (factory.type().equalsIgnoreCase(type)) {
                factory.prepare();
                return;
            }
        }
    }

    public static Engine open(Target target, Path projectDir) {
        List<String> known = new ArrayList<>();
        for (EngineFactory factory : ServiceLoader.load(EngineFactory.class)) {
            if (factory.type().equalsIgnoreCase(target.type())) {
                return LoggedEngine.wrapIfLogged(factory.open(target, projectDir));
            }
            known.add(factory.type());
        }
        Optional<EngineFactory> plugin = EnginePlugins.find(target.type());
        if (plugin.isPresent()) {
            return LoggedEngine.wrapIfLogged(plugin.get().open(target, projectDir));
        }
        known.addAll(EnginePlugins.types());
        throw new MallardException(ErrorCode.PROFILE,
                "no engine for adapter type '" + target.type() + "' (available: " + String.join(", ", known) + ")");
    }
}
