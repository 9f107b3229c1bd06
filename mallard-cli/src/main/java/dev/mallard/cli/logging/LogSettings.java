package dev.mallard.cli.logging;

import dev.mallard.core.events.EventFormat;
import dev.mallard.core.events.EventLevel;
import java.nio.file.Path;

/**
 * Where events go and how they look.
 *
 * @param consoleLevel null for {@code --log-level none}
 * @param fileLevel    null when nothing is written to the log file
 * @param warnErrors   --warn-error and --warn-error-options
 */
public record LogSettings(EventFormat consoleFormat, EventFormat fileFormat, EventLevel consoleLevel,
                          EventLevel fileLevel, Path logDir, boolean quiet, boolean print, boolean colors,
                          boolean fileColors, int printerWidth, WarnErrors warnErrors) {
}
