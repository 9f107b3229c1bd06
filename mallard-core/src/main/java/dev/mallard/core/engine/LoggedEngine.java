package dev.mallard.core.engine;

import dev.mallard.core.events.SqlLog;
import java.util.Set;

/** An engine whose sessions report the SQL they run to {@link SqlLog} (dbt's debug SQL lines). */
final class LoggedEngine implements Engine {
    private final Engine engine;

    private LoggedEngine(Engine engine) {
        this.engine = engine;
    }

    /** {@code engine} itself when nobody watches the SQL, else the engine with its SQL reported. */
    static Engine wrapIfLogged(Engine engine) {
        return SqlLog.on() ? new LoggedEngine(engine) : engine;
    }

    @Override
    public String type() {
        return engine.type();
    }

    @Override
    public Set<Capability> capabilities() {
        return engine.capabilities();
    }

    @Override
    public String defaultDatabase() {
        return engine.defaultDatabase();
    }

    @Override
    public EngineSession openSession() {
        return new LoggedSession(engine.openSession());
    }

    @Override
    public String describe() {
        return engine.describe();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public void nodesAtOnce(int nodes) {
        engine.nodesAtOnce(nodes);
    }

    @Override
    public void closeUnused() {
        engine.closeUnused();
    }
}
