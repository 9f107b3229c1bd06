package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/tandem (seed 004) fetching from its fixture pump API: the http ingest fills the
 * migration-owned raw_events (raw JSON kept; seed 004's stage 1) through the API's 500s and
 * 429, stages 2 (events) and 3 (CGM readings, basal deliveries) and the marts follow, a rerun
 * doubles nothing, a backfill of older history broken off by an outage resumes at the page it
 * stopped, and `mallard check` stays clean.
 */
class TandemFetchIT {
    /** 6,000 events: 3 per 5-minute slot from 2022-01-01, the last at 2022-01-07 22:35. */
    private static final int EVENTS = 6000;

    /** daily_glucose computed straight from the raw JSON payloads. */
    private static final String GLUCOSE_FROM_RAW = """
            select cast(event_ts as date), count(*), round(avg((payload->>'glucose_mg_dl')::int), 1),
                   min((payload->>'glucose_mg_dl')::int), max((payload->>'glucose_mg_dl')::int)
            from raw_events where event_type = 'cgm_reading' group by 1 order by 1
            """;
    private static final String GLUCOSE_MART = "select day, readings, mean_mg_dl, min_mg_dl, max_mg_dl from daily_glucose order by day";
    private static final String COUNTS = """
            select (select count(*) from raw_events), (select count(distinct source_event_id) from raw_events),
                   (select count(*) from events), (select count(*) from cgm_readings),
                   (select count(*) from basal_deliveries), (select sum(deliveries) from daily_basal)
            """;

    @TempDir
    Path dir;

    @Test
    void fetchedEventsGoThroughTheThreeStagesAndAnInterruptedBackfillResumes() throws Exception {
        Path fixture = TestProject.examplesDir().resolve("tandem/fixture/PumpApi.java");
        Process api = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), fixture.toString(),
                "--port", "0", "--events", Integer.toString(EVENTS)).redirectErrorStream(true).start();
        try {
            BufferedReader apiOut = new BufferedReader(new InputStreamReader(api.getInputStream(), StandardCharsets.UTF_8));
            String url = "http://127.0.0.1:" + Integer.parseInt(apiOut.readLine().trim());
            TestProject p = TestProject.copyOfExample("tandem", dir);
            // fewer retries than the example's (each injected fault fires once), so that the outage fails fast
            p.file("ingest/pump_events.yml", p.read("ingest/pump_events.yml")
                    .replace("retry: {max_attempts: 6, initial_backoff_ms: 100}", "retry: {max_attempts: 3, initial_backoff_ms: 50}"));
            // the API's address as a var (PUMP_API_URL, as run.sh sets it, works the same), so that the runs stay in process
            String vars = "{pump_api_url: '" + url + "', pump_page_size: 50, pump_history_start: '2022-01-04'}";

            // from 2022-01-04 on: slots 864.. = events 2,592..5,999, in 69 pages, 4 commits
            p.run("build", "--vars", vars).assertOk().assertOutContains(
                    "Applying 3 pending migrations first", "INGEST 3408 rows in 4 commits", "PASS=11 WARN=0 ERROR=0");
            assertEquals(List.of(List.of("3408", "3408", "3408", "1136", "1136", "1136")), p.rows(COUNTS));
            assertEquals(List.of(List.of("1", "3408", "10002593", "10006000")),
                    p.rows("select min(id), max(id), min(source_event_id), max(source_event_id) from raw_events"));
            assertEquals("cgm_reading", p.value("select payload->>'event_type' from raw_events where source_event_id = 10002593"));
            assertEquals(p.rows(GLUCOSE_FROM_RAW), p.rows(GLUCOSE_MART));
            assertTrue(get(url + "/admin/stats").contains("\"served_429_fault\":1,\"served_500_fault\":2"));

            // a rerun fetches the last slot's events again (the inclusive cursor) and adds none
            p.run("build", "--vars", vars).assertOk().assertOutContains("INGEST 3 rows", "PASS=11");
            assertEquals(List.of(List.of("3408", "3408", "3408", "1136", "1136", "1136")), p.rows(COUNTS));

            // the older history as a backfill; the API goes down at its page 25, after one commit of 20 pages
            post(url + "/admin/outage?from_page=25");
            CommandResult broken = p.run("ingest", "--vars", vars, "--start", "2022-01-01",
                    "--end", "2022-01-04").assertExit(1);
            assertTrue(broken.all().contains("ingest 'pump_events': GET " + url + "/events?start=2022-01-01&end=2022-01-04"
                    + "&page_size=50&page=25 (page 25): HTTP 503 after 3 attempt(s)"), broken.all());
            assertEquals("4408", p.value("select count(*) from raw_events"));
            assertEquals("{\"cursor\":\"2022-01-07T22:35:00Z\",\"max_cursor\":\"2022-01-02T03:45:00Z\","
                    + "\"window\":{\"start\":\"2022-01-01\",\"end\":\"2022-01-04\"},\"resume\":{\"page\":21}}",
                    p.value("select state::varchar from mallard_ingest_state"));

            post(url + "/admin/outage?from_page=0");
            long before = requests(url);
            p.run("ingest", "--vars", vars, "--start", "2022-01-01", "--end", "2022-01-04").assertOk()
                    .assertOutContains("resuming where the last run stopped", "INGEST 1592 rows in 2 commits");
            assertEquals(32, requests(url) - before, "pages 21..52 only");
            assertEquals("{\"cursor\":\"2022-01-07T22:35:00Z\"}", p.value("select state::varchar from mallard_ingest_state"));

            // the build parses the backfilled events; newer events then come incrementally
            post(url + "/admin/add?n=300");
            p.run("build", "--vars", vars).assertOk().assertOutContains("INGEST 303 rows", "PASS=11");
            assertEquals(List.of(List.of("6300", "6300", "6300", "2100", "2100", "2100")), p.rows(COUNTS));
            assertEquals("0", p.value("select count(*) from events e join raw_events r on r.id = e.raw_event_id "
                    + "where e.event_ts <> r.event_ts or e.event_type <> r.event_type"));
            assertEquals(List.of(List.of("2022-01-01", "288"), List.of("2022-01-08", "84")),
                    p.rows("select day, readings from daily_glucose where day in ('2022-01-01', '2022-01-08') order by day"));
            assertEquals(p.rows(GLUCOSE_FROM_RAW), p.rows(GLUCOSE_MART));
            p.run("check").assertOk().assertOutContains("No drift");
        } finally {
            api.destroyForcibly();
        }
    }

    private static long requests(String url) throws Exception {
        Matcher m = Pattern.compile("\"requests\":(\\d+)").matcher(get(url + "/admin/stats"));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(String url) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
