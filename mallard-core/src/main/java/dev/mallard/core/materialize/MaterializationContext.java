package dev.mallard.core.materialize;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.manifest.Node;
import java.util.List;
import java.util.function.Function;

/**
 * What a materialization needs: the node, its compiled SQL, the worker's session and a way
 * to render hook templates. Every statement it runs is recorded for target/run/.
 */
public record MaterializationContext(
        Node node,
        String compiledSql,
        EngineSession session,
        Function<String, String> hookRenderer,
        List<String> executed) {

    public void run(String sql) {
        executed.add(sql);
        session.execute(sql);
    }

    public void runHooks(List<String> hooks) {
        for (String hook : hooks) {
            String sql = hookRenderer.apply(hook);
            if (!sql.isBlank()) {
                run(sql);
            }
        }
    }
}
