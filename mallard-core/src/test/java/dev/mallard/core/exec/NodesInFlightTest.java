package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.engine.Capability;
import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodesInFlightTest {
    /** Records what the executor tells it. */
    static final class Recording implements Engine {
        final List<Integer> told = new ArrayList<>();

        @Override
        public String type() {
            return "recording";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public String defaultDatabase() {
            return "memory";
        }

        @Override
        public EngineSession openSession() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void nodesAtOnce(int nodes) {
            told.add(nodes);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void tellsTheEngineOnlyWhenTheWidthChangesCappedByTheThreads() {
        Recording engine = new Recording();
        NodesInFlight inFlight = new NodesInFlight(engine, 2);
        inFlight.submitted();          // a root alone: nothing to say
        inFlight.submitted();          // its children, submitted before it counts as done
        inFlight.submitted();
        inFlight.finished();
        inFlight.finished();
        inFlight.finished();           // the last one runs alone
        inFlight.submitted();
        inFlight.submitted();
        inFlight.reset();
        assertEquals(List.of(2, 1, 2, 1), engine.told);
    }

    @Test
    void oneThreadNeverTellsTheEngine() {
        Recording engine = new Recording();
        NodesInFlight inFlight = new NodesInFlight(engine, 1);
        for (int i = 0; i < 5; i++) {
            inFlight.submitted();
        }
        inFlight.finished();
        inFlight.reset();
        assertEquals(List.of(), engine.told);
    }
}
