package dev.mallard.core.engine;

import dev.mallard.core.project.Target;
import java.nio.file.Path;

/** Found with {@link java.util.ServiceLoader}: one per adapter type. */
public interface EngineFactory {

    /** The profiles.yml {@code type:} this factory serves. */
    String type();

    /**
     * Opens the engine for a target. Relative paths in the target resolve against
     * {@code projectDir}.
     */
    Engine open(Target target, Path projectDir);

    /**
     * Loads ahead of time what {@link #open} will need and costs time to load (a native
     * library), opening nothing and with no effect anyone can see. The CLI calls it on a spare
     * thread while it starts, for the engine a command is likely to open; none by default.
     */
    default void prepare() {
    }
}
