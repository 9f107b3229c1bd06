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
}
