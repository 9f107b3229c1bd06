package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refs, sources and config a dbt Python model declares, as dbt's parser reads them. */
class PythonModelReaderTest {

    @Test
    void readsLiteralRefsSourcesAndConfig() {
        JavaModelReader.Declared d = PythonModelReader.read("models/m.py", """
                import pandas as pd

                def model(dbt, session):
                    dbt.config(materialized="incremental", unique_key='id', tags=["a", 'b'], enabled=True,
                               batch_size=10, alias=None)
                    orders = dbt.ref("orders").df()
                    # customers = dbt.ref("commented_out")
                    pinned = dbt.ref('dim', v=2)
                    other = dbt.ref("pkg", "shared", version="1")
                    raw = dbt.source('raw', "events")
                    text = "a # not a comment"
                    return orders
                """);
        assertEquals(List.of(new RefCall(null, "orders", 6, null), new RefCall(null, "dim", 8, 2),
                new RefCall("pkg", "shared", 9, "1")), d.refs());
        assertEquals(List.of(new SourceCall("raw", "events", 10)), d.sources());
        java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("materialized", "incremental");
        expected.put("unique_key", "id");
        expected.put("tags", List.of("a", "b"));
        expected.put("enabled", true);
        expected.put("batch_size", 10);
        expected.put("alias", null);
        assertEquals(expected, d.config());
    }

    @Test
    void aModelWithoutCallsDeclaresNothing() {
        JavaModelReader.Declared d = PythonModelReader.read("models/m.py", "def model(dbt, session):\n    return None\n");
        assertEquals(List.of(), d.refs());
        assertEquals(Map.of(), d.config());
    }
}
