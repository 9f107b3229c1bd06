package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docs generate} on the examples writes a self-contained site whose column lineage is
 * the hand-checked examples/NAME/expected/column_lineage.tsv, and {@code mallard lineage}
 * answers from the same trace.
 */
class DocsSiteIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jaffle_shop", "quantfoot"})
    void theSiteIsLocalAndItsColumnLineageIsTheHandCheckedOne(String example) throws IOException {
        TestProject p = TestProject.copyOfExample(example, dir);
        p.run("build").assertExit(0);
        p.run("docs", "generate").assertExit(0).assertOutContains("Docs site written to target/index.html");
        Path target = dir.resolve("target");
        for (String file : List.of("index.html", "docs-data.js", "docs-data/0.js", "docs-assets/app.js", "docs-assets/page.js",
                "docs-assets/dagre.min.js", "docs-assets/highlight.min.js", "docs-assets/site.css")) {
            assertTrue(Files.isRegularFile(target.resolve(file)), file);
        }
        String index = Files.readString(target.resolve("index.html"));
        assertFalse(index.matches("(?s).*(src|href)=\"(https?:)?//.*"), "the page loads nothing from the network");

        JsonNode data = siteData(target);
        assertEquals(expected(example), traced(data));
        List<String> types = new ArrayList<>();
        data.path("nodes").forEach(n -> types.add(n.path("type").asText()));
        assertTrue(types.containsAll(List.of("model", "test")), types.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle_shop"})
    void lineageWalksUpAndDownFromAColumn(String example) {
        TestProject p = TestProject.copyOfExample(example, dir);
        p.run("build").assertExit(0);
        CommandResult up = p.run("lineage", "+orders.amount").assertExit(0);
        assertEquals(List.of("model.jaffle_shop.orders.amount  (computed)",
                "  <- model.jaffle_shop.stg_payments.amount  (computed)",
                "    <- seed.jaffle_shop.raw_payments.amount"), up.outLines());
        CommandResult down = p.run("lineage", "--no-generate", "column:stg_orders.order_date+").assertExit(0);
        assertEquals(List.of("model.jaffle_shop.stg_orders.order_date",
                "  -> model.jaffle_shop.customers.first_order  (computed)",
                "  -> model.jaffle_shop.customers.most_recent_order  (computed)",
                "  -> model.jaffle_shop.orders.order_date"), down.outLines());
        p.run("lineage", "--no-generate", "orders.nope").assertExit(2);
    }

    @org.junit.jupiter.api.Test
    void aNodeNotShownIsMarkedHiddenForTheSidebarAndSearchButKeptForTheGraph() throws IOException {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/shown.sql", "select 1 as id\n")
                .file("models/internal.sql", "select id from {{ ref('shown') }}\n")
                .file("models/later.sql", "select id from {{ ref('internal') }}\n")
                .file("models/props.yml", """
                        version: 2
                        models:
                          - name: internal
                            config:
                              docs: {show: false}
                        """);
        p.run("docs", "generate", "--empty-catalog").assertExit(0);

        JsonNode data = siteData(dir.resolve("target"));
        JsonNode internal = null;
        JsonNode shown = null;
        for (JsonNode n : data.path("nodes")) {
            if (n.path("id").asText().equals("model.proj.internal")) {
                internal = n;
            } else if (n.path("id").asText().equals("model.proj.shown")) {
                shown = n;
            }
        }
        assertTrue(internal != null && shown != null, data.toString());
        assertTrue(internal.path("hidden").asBoolean(false), internal.toString());
        assertFalse(shown.has("hidden"), shown.toString());
    }

    static JsonNode siteData(Path target) throws IOException {
        String js = Files.readString(target.resolve("docs-data.js"));
        return JSON.readTree(js.substring(js.indexOf('=') + 1, js.lastIndexOf(';')));
    }

    /** Every model column's lineage as the page reads it from docs-data.js (cols, lin: [direct, up, unresolved]). */
    private static List<String> traced(JsonNode data) {
        TreeSet<String> lines = new TreeSet<>();
        JsonNode nodes = data.path("nodes");
        for (JsonNode n : nodes) {
            if (!n.path("type").asText().equals("model")) {
                continue;
            }
            for (int k = 0; k < n.path("cols").size(); k++) {
                JsonNode l = n.path("lin").path(k);
                TreeSet<String> up = new TreeSet<>();
                l.path(1).forEach(u -> up.add((u.get(0).isInt() ? nodes.get(u.get(0).asInt()).path("id").asText()
                        : u.get(0).asText()) + "." + u.get(1).asText()));
                List<String> unresolved = new ArrayList<>();
                l.path(2).forEach(u -> unresolved.add(u.asText()));
                lines.add(n.path("id").asText() + "." + n.path("cols").get(k).asText() + "\t"
                        + (l.path(0).asInt() == 1 ? "direct" : "computed") + "\t" + String.join(",", up) + "\t"
                        + String.join(";", unresolved));
            }
        }
        return new ArrayList<>(lines);
    }

    private static List<String> expected(String example) throws IOException {
        Path file = TestProject.examplesDir().resolve(example).resolve("expected").resolve("column_lineage.tsv");
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.startsWith("#") && !l.isBlank()).sorted().toList();
        }
    }
}
