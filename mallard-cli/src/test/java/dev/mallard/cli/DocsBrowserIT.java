package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mallard.docs.serve.DocsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The docs site in a real browser: {@code docs serve} runs, headless Chromium (over its
 * DevTools protocol) opens the site, searches a model by typing, opens its page, sees its
 * columns and tests, opens its lineage graph and a column's lineage. Screenshots of each
 * step go to target/docs-screenshots/ (the README's are copied from there). Skipped, with a
 * note, where no Chromium is installed; .ci/run installs Debian's.
 */
class DocsBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void searchOpenColumnsTestsAndLineageOfJaffleShopOrders() throws Exception {
        Optional<Path> chromium = DevToolsBrowser.find();
        Assumptions.assumeTrue(chromium.isPresent(), "NOTE: no Chromium (/usr/bin/chromium): the browser test is skipped");
        Path project = dir.resolve("jaffle_shop");
        TestProject p = TestProject.copyOfExample("jaffle_shop", project);
        p.run("build").assertExit(0);
        p.run("docs", "generate").assertExit(0);

        DocsServeCommand serve = new DocsServeCommand();
        new CommandLine(serve).parseArgs("--project-dir", project.toString(), "--port", "0", "--no-browser");
        Path shots = Path.of("target", "docs-screenshots");
        Files.createDirectories(shots);
        try (DocsServer server = serve.start();
             DevToolsBrowser browser = DevToolsBrowser.launch(chromium.get(), dir.resolve("profile"))) {
            browser.call("Page.enable", null);
            browser.navigate(server.url());
            browser.waitFor("document.querySelector('#tree a[href=\"#!/node/model.jaffle_shop.orders\"]')", WAIT);
            assertTrue(browser.eval("document.querySelector('main').innerText").asText().contains("jaffle_shop"));
            Files.write(shots.resolve("overview.png"), browser.screenshot());

            browser.eval("document.getElementById('search').focus()");
            browser.type("orders");
            browser.waitFor("document.getElementById('hit-count')", WAIT);
            List<String> hits = texts(browser.eval("[...document.querySelectorAll('.result a')].map(a => a.textContent)"));
            assertEquals("orders", hits.get(0), "the model named orders ranks first: " + hits);
            assertTrue(hits.containsAll(List.of("stg_orders", "customers")), "matches by column too: " + hits);
            Files.write(shots.resolve("search.png"), browser.screenshot());

            browser.eval("document.querySelector('.result a[href=\"#!/node/model.jaffle_shop.orders\"]').click()");
            browser.waitFor("document.getElementById('columns')", WAIT);
            List<String> columns = texts(browser.eval(
                    "[...document.querySelectorAll('#columns tr[data-column]')].map(r => r.dataset.column)"));
            assertEquals(List.of("order_id", "customer_id", "order_date", "status", "credit_card_amount", "coupon_amount",
                    "bank_transfer_amount", "gift_card_amount", "amount"), columns);
            String orderIdRow = browser.eval("document.querySelector('#columns tr[data-column=order_id]').innerText").asText();
            assertTrue(orderIdRow.contains("INTEGER") && orderIdRow.contains("unique") && orderIdRow.contains("not_null"),
                    orderIdRow);
            assertTrue(browser.eval("document.querySelectorAll('#tests .badge.pass').length").asInt() >= 5,
                    "the tests' last results are shown");
            String amountLineage = browser.eval(
                    "document.querySelector('#columns tr[data-column=amount] td.lineage').innerText").asText();
            assertTrue(amountLineage.contains("stg_payments.amount"), amountLineage);
            Files.write(shots.resolve("model.png"), browser.screenshot());

            browser.eval("document.getElementById('open-lineage').click()");
            browser.waitFor("document.querySelectorAll('#graph g.node').length >= 5", WAIT);
            List<String> drawn = texts(browser.eval(
                    "[...document.querySelectorAll('#graph g.node')].map(g => g.dataset.id).sort()"));
            // orders has no children; two hops up reach the seeds
            assertEquals(List.of("model.jaffle_shop.orders", "model.jaffle_shop.stg_orders", "model.jaffle_shop.stg_payments",
                    "seed.jaffle_shop.raw_orders", "seed.jaffle_shop.raw_payments"), drawn);
            Files.write(shots.resolve("lineage.png"), browser.screenshot());

            browser.navigate(server.url() + "#!/graph?select=%2Bcustomers");
            browser.waitFor("document.querySelectorAll('#graph g.node').length === 7", WAIT);

            browser.navigate(server.url() + "#!/column/model.jaffle_shop.orders/amount");
            browser.waitFor("document.querySelectorAll('#graph g.node').length >= 3", WAIT);
            List<String> columnGraph = texts(browser.eval(
                    "[...document.querySelectorAll('#graph g.node text')].map(t => t.textContent).sort()"));
            assertEquals(List.of("orders.amount", "raw_payments.amount", "stg_payments.amount"), columnGraph);
            Files.write(shots.resolve("column-lineage.png"), browser.screenshot());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
