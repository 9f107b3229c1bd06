package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 campaign on a files ingest of many files, appended without a key (so a file
 * loaded twice would show as duplicates): the CLI runs in its own process and is killed at
 * random moments, over and over; after every kill the raw table holds exactly the rows of
 * the files its state records, and the run that is finally let finish leaves exactly the
 * rows of an uninterrupted run. Half the runs wait before each COMMIT (a test-only system
 * property), so that many kills land inside open transactions.
 */
class IngestKillIT {
    private static final int FILES = 120;
    private static final int ROWS_PER_FILE = 100;

    @TempDir
    Path dir;

    @Test
    void killedAtAnyPointTheRerunLoadsEveryFileExactlyOnce() throws Exception {
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Path killed = Files.createDirectories(dir.resolve("killed"));
        writeProject(reference);
        writeProject(killed);

        long t0 = System.nanoTime();
        CliProcess.run(reference, Map.of(), "ingest").assertOk();
        long uninterruptedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        TestProject ref = TestProject.in(reference);
        String expected = fingerprint(ref);
        assertEquals(FILES * ROWS_PER_FILE + "|" + FILES * ROWS_PER_FILE, expected.substring(0, expected.lastIndexOf('|')));

        TestProject p = TestProject.in(killed);
        Random random = new Random(20261206L);
        List<String> kills = new ArrayList<>();
        int midIngest = 0;
        Path log = dir.resolve("run.log");
        for (int round = 0; round < 24; round++) {
            // a third of the kills at a random moment of a run (start-up, parse, the first commits), the rest just
            // after the k-th file of this run is reported committed, plus up to 40 ms: inside the next commits
            boolean timed = round % 3 == 0;
            long delay = (long) (random.nextDouble() * uninterruptedMillis * 0.6);
            int afterFiles = 1 + random.nextInt(3);
            Files.deleteIfExists(log);
            // every other round waits 25 ms before each COMMIT, so that many kills land inside open transactions
            List<String> jvm = round % 2 == 0 ? List.of() : List.of("-Dmallard.ingest.pauseBeforeCommitMillis=25");
            Process process = CliProcess.start(jvm, killed, Map.of(), log, "ingest");
            boolean finished = timed ? process.waitFor(delay, TimeUnit.MILLISECONDS) : !waitForLoaded(log, afterFiles, process);
            if (finished) {
                process.waitFor(60, TimeUnit.SECONDS);
                kills.add("round " + round + ": finished before the kill, exit " + process.exitValue());
                if (process.exitValue() == 0) {
                    break;
                }
                continue;
            }
            if (!timed) {
                Thread.sleep(random.nextInt(40));
            }
            process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            String when = timed ? "at " + delay + " ms" : "after " + afterFiles + " files";
            if (!Files.exists(p.databaseFile())) {
                kills.add("round " + round + ": killed " + when + " before the database existed");
                continue;
            }
            int loadedFiles = consistentFileCount(p);
            kills.add("round " + round + ": killed " + when + " with " + loadedFiles + " files loaded");
            if (loadedFiles > 0 && loadedFiles < FILES) {
                midIngest++;
            }
        }
        System.out.println(String.join(System.lineSeparator(), kills));
        CliProcess.run(killed, Map.of(), "ingest").assertOk();

        assertEquals(expected, fingerprint(p), String.join("\n", kills));
        assertEquals(List.of(List.of(String.valueOf(FILES))), p.rows(
                "select len(json_keys(state, '$.files')) from main.mallard_ingest_state"));
        assertTrue(midIngest >= 8, "too few kills landed mid-ingest to mean anything:\n" + String.join("\n", kills));
    }

    /** Waits until the run's log reports {@code files} files loaded; false when the process ended first. */
    private static boolean waitForLoaded(Path log, int files, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                long loaded = Files.readAllLines(log).stream().filter(l -> l.contains("events: loaded ")).count();
                if (loaded >= files) {
                    return true;
                }
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** The table's rows are exactly those of the files the state records: no file half loaded, none loaded twice. */
    private static int consistentFileCount(TestProject p) {
        if (p.tableType("main.mallard_ingest_state") == null) {
            assertEquals(null, p.tableType("raw.events"), "rows without a state table");
            return 0;
        }
        List<List<String>> state = p.rows("select coalesce(max(len(json_keys(state, '$.files'))), 0) "
                + "from main.mallard_ingest_state");
        int files = Integer.parseInt(state.get(0).get(0));
        if (files == 0) {
            return 0;
        }
        List<List<String>> counts = p.rows("select count(*), count(distinct id), count(distinct _file) from raw.events");
        assertEquals(List.of(String.valueOf(files * ROWS_PER_FILE), String.valueOf(files * ROWS_PER_FILE),
                String.valueOf(files)), counts.get(0), "rows after a kill with " + files + " files in the state");
        return files;
    }

    /** Row count, distinct ids and a hash of every row, order-independent. */
    private static String fingerprint(TestProject p) {
        List<String> row = p.rows("select count(*), count(distinct id), sum(hash(id, payload, _file)) from raw.events").get(0);
        return String.join("|", row);
    }

    private static void writeProject(Path root) throws IOException {
        TestProject p = TestProject.in(root).dbtProject()
                .file("ingest/events.yml", """
                        ingests:
                          - name: events
                            type: files
                            table: raw.events
                            path: landing/**/*.csv
                            filename_column: _file
                        """);
        for (int f = 0; f < FILES; f++) {
            StringBuilder sb = new StringBuilder("id,payload\n");
            for (int i = 0; i < ROWS_PER_FILE; i++) {
                sb.append(f * 100_000L + i).append(",row ").append(i).append(" of file ").append(f).append('\n');
            }
            p.file(String.format("landing/part%d/events_%03d.csv", f % 4, f), sb.toString());
        }
    }
}
