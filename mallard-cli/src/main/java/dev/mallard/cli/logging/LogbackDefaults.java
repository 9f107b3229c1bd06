package dev.mallard.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration before (and besides) the events: libraries (Javalin, Jetty, JGit) log
 * warnings and errors to stderr only. Found by Logback through {@code META-INF/services}, so no
 * XML is read at start-up.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackDefaults extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        install(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void install(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("libraries");
        err.setTarget("System.err");
        err.setEncoder(new EventEncoder(dev.mallard.core.events.EventFormat.TEXT, false));
        err.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(err);
        // the Spark engine's Hadoop, Hive and metastore libraries warn about the normal course of things
        for (String name : new String[] {"org.apache.hadoop", "org.apache.spark", "DataNucleus", "org.sparkproject"}) {
            context.getLogger(name).setLevel(Level.ERROR);
        }
    }
}
