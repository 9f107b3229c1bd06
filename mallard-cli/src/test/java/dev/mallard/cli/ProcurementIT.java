package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/procurement (after seed 003) against its fixture API, through the CLI: the http
 * ingest fills raw.notices with every notice (through the API's token, 500s and 429), the
 * SQL and Java marts give what SQL computes independently from the raw table, the data tests
 * pass, the Parquet mart reads back with the same rows, and a second build after the API
 * gains newer notices fetches exactly those.
 */
class ProcurementIT {
    private static final int RECORDS = 1200;
    private static final int ADDED = 75;
    private static final String TOKEN = "procurement-it-token-7f3a";

    /** Buyer, country, awarded notices and value, divisions, top division and share, HHI, from raw.notices. */
    private static final String EXPECTED_CONCENTRATION = """
            with awarded as (
                select buyer.name as buyer_name, buyer.country as buyer_country, substr(cpv, 1, 2) as division,
                       value_eur
                from raw.notices where status = 'awarded'
            ), per_division as (
                select buyer_name, buyer_country, division, sum(value_eur) as v, count(*) as n
                from awarded group by buyer_name, buyer_country, division
            ), per_buyer as (
                select buyer_name, buyer_country, sum(n) as n, sum(v) as total, count(*) as divisions, max(v) as top_v
                from per_division group by buyer_name, buyer_country
            )
            select b.buyer_name, b.buyer_country, b.n, b.total, b.divisions,
                   min(d.division) filter (where d.v = b.top_v) as top_division,
                   b.top_v::double / b.total::double as top_share,
                   sum(power(d.v::double / b.total::double * 100, 2)) as hhi
            from per_buyer b join per_division d using (buyer_name)
            group by b.buyer_name, b.buyer_country, b.n, b.total, b.divisions, b.top_v
            """;

    /** The published mart's columns, computed from raw.notices. */
    private static final String EXPECTED_DAILY_SPEND = """
            select buyer.name, buyer.country, cast(published_at as date), count(*),
                   count(*) filter (where status = 'awarded'),
                   coalesce(sum(value_eur) filter (where status = 'awarded'), 0), sum(lots)
            from raw.notices group by all
            """;

    @TempDir
    Path dir;

    @Test
    void theApiIsIngestedTransformedTestedPublishedAndThenFetchedIncrementally() throws Exception {
        Path fixture = TestProject.examplesDir().resolve("procurement/fixture/ProcurementApi.java");
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                fixture.toString(), "--port", "0", "--records", Integer.toString(RECORDS), "--page-size", "100")
                .redirectErrorStream(true);
        pb.environment().put("PROCUREMENT_API_TOKEN", TOKEN);
        Process api = pb.start();
        try {
            BufferedReader apiOut = new BufferedReader(new InputStreamReader(api.getInputStream(), StandardCharsets.UTF_8));
            String url = "http://127.0.0.1:" + Integer.parseInt(apiOut.readLine().trim());
            TestProject p = TestProject.copyOfExample("procurement", dir);
            Map<String, String> env = Map.of("PROCUREMENT_API_URL", url, "PROCUREMENT_API_TOKEN", TOKEN);

            CommandResult first = CliProcess.run(dir, env, "build").assertOk()
                    .assertOutContains("INGEST " + RECORDS + " rows", "java table model main.buyer_category_concentration",
                            "PASS=18 WARN=0 ERROR=0 SKIP=0");
            assertFalse(first.out().contains(TOKEN), "the token leaked into the output");
            assertEquals(List.of(List.of("1200", "1200", "1", "1200")),
                    p.rows("select count(*), count(distinct id), min(id), max(id) from raw.notices"));
            assertMartsMatchTheRawTable(p);
            assertAllDataTestsPassed(p, 14);
            // the API served its deliberate faults and the ingest retried through them
            String stats = get(url + "/admin/stats");
            assertTrue(stats.contains("\"served_500_fault\":2") && stats.contains("\"served_429_fault\":1"), stats);

            // nothing new: the incremental cursor fetches the last notice again, merged on its id
            CliProcess.run(dir, env, "build").assertOk().assertOutContains("INGEST 1 rows", "PASS=18");
            assertEquals("1200", p.value("select count(*) from raw.notices"));

            post(url + "/admin/add?n=" + ADDED);
            CliProcess.run(dir, env, "build").assertOk().assertOutContains("INGEST " + (ADDED + 1) + " rows", "PASS=18");
            assertEquals(List.of(List.of("1275", "1275", "1", "1275")),
                    p.rows("select count(*), count(distinct id), min(id), max(id) from raw.notices"));
            assertEquals("1275", p.value("select sum(notices) from read_parquet('" + parquet() + "')"));
            assertMartsMatchTheRawTable(p);
            assertAllDataTestsPassed(p, 14);
        } finally {
            api.destroyForcibly();
        }
    }

    private void assertMartsMatchTheRawTable(TestProject p) {
        assertEquals("7", p.value("select count(*) from buyer_category_concentration"));
        String mismatches = "select count(*) from (" + EXPECTED_CONCENTRATION + ") e "
                + "full join buyer_category_concentration m using (buyer_name) "
                + "where m.buyer_name is null or e.buyer_name is null or m.buyer_country <> e.buyer_country "
                + "or m.awarded_notices <> e.n or m.awarded_value_eur <> e.total or m.cpv_divisions <> e.divisions "
                + "or m.top_division <> e.top_division or abs(m.top_division_share - e.top_share) > 1e-9 "
                + "or abs(m.hhi - e.hhi) > 1e-6 "
                + "or m.concentration <> case when e.hhi > 2500 then 'high' when e.hhi >= 1500 then 'moderate' else 'low' end";
        assertEquals("0", p.value(mismatches), "buyer_category_concentration differs from SQL over raw.notices: "
                + p.rows("select * from buyer_category_concentration order by 1"));

        Path file = dir.resolve("published/buyer_daily_spend.parquet");
        assertTrue(Files.isRegularFile(file), "no Parquet mart at " + file);
        String published = "select buyer_name, buyer_country, published_date, notices, awarded_notices, "
                + "awarded_value_eur, lots from read_parquet('" + parquet() + "')";
        List<List<String>> expected = sorted(p.rows(EXPECTED_DAILY_SPEND));
        assertEquals(expected, sorted(p.rows(published)), "the Parquet file's rows");
        assertEquals(expected, sorted(p.rows("select * from buyer_daily_spend")), "the database's view of the mart");
    }

    private static void assertAllDataTestsPassed(TestProject p, int expectedTests) {
        int tests = 0;
        for (JsonNode r : p.json("target/run_results.json").path("results")) {
            if (r.path("unique_id").asText().startsWith("test.")) {
                tests++;
                assertEquals("pass", r.path("status").asText(), r.path("unique_id").asText());
            }
        }
        assertEquals(expectedTests, tests, "data tests in run_results.json");
    }

    private String parquet() {
        return dir.resolve("published/buyer_daily_spend.parquet").toString().replace("'", "''");
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
        return copy;
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
