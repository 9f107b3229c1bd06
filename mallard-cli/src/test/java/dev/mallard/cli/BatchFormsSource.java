package dev.mallard.cli;

import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.IngestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source for tests ({@code type: test_batches}): {@code batches} commits of {@code size}
 * rows each, ids counting on from the state's {@code next}, in the batch form {@code form}
 * (rows, json, json_raw or query), with a {@code label} column rendered from the option
 * {@code label} (with {@code cursor}), and {@code window} holding --start/--end. With
 * {@code fail_after: n} it throws after n commits of this run; with {@code secret: NAME},
 * {@code secret_length} holds that secret's length (-1 without one, 0 when not found).
 */
public final class BatchFormsSource implements IngestSource {

    @Override
    public String type() {
        return "test_batches";
    }

    @Override
    public void run(IngestRun run) throws IngestException {
        Map<String, Object> o = run.options();
        String table = run.tables().get(0);
        long next = run.state(table).get("next") instanceof Number n ? n.longValue() : 1;
        int batches = Integer.parseInt(String.valueOf(o.getOrDefault("batches", 1)));
        int size = Integer.parseInt(String.valueOf(o.getOrDefault("size", 3)));
        int failAfter = Integer.parseInt(String.valueOf(o.getOrDefault("fail_after", -1)));
        String form = String.valueOf(o.getOrDefault("form", "rows"));
        String label = run.render(String.valueOf(o.getOrDefault("label", "plain")), Map.of("cursor", next));
        String window = run.start().orElse("-") + ".." + run.end().orElse("-");
        long secretLength = o.get("secret") == null ? -1
                : run.secret(String.valueOf(o.get("secret"))).map(String::length).orElse(0);
        for (int b = 0; b < batches; b++) {
            if (b == failAfter) {
                throw new IngestException("ingest '" + run.ingestName() + "': the test source fails on purpose");
            }
            long from = next;
            long to = next + size;
            IngestBatch batch = switch (form) {
                case "rows" -> rows(from, to, label, window, secretLength);
                case "json", "json_raw" -> json(from, to, label, window, secretLength, form.equals("json_raw"));
                default -> new IngestBatch.Query("SELECT range AS id, '" + label.replace("'", "''") + "' AS label, '"
                        + window + "' AS window, " + secretLength + " AS secret_length FROM range(" + from + ", " + to + ")");
            };
            next = to;
            run.commit(table, batch, Map.of("next", next));
            run.progress("committed ids up to " + (next - 1));
        }
    }

    private static IngestBatch rows(long from, long to, String label, String window, long secretLength) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = from; id < to; id++) {
            rows.add(new Object[] {id, label, window, secretLength, java.time.LocalDate.of(2026, 1, 1).plusDays(id)});
        }
        return new IngestBatch.Rows(List.of(new IngestBatch.Column("id", "BIGINT"), new IngestBatch.Column("label", "VARCHAR"),
                new IngestBatch.Column("window", "VARCHAR"), new IngestBatch.Column("secret_length", "BIGINT"),
                new IngestBatch.Column("day", "DATE")), rows.iterator());
    }

    private static IngestBatch json(long from, long to, String label, String window, long secretLength, boolean raw)
            throws IngestException {
        StringBuilder sb = new StringBuilder();
        for (long id = from; id < to; id++) {
            sb.append("{\"id\": ").append(id).append(", \"label\": \"").append(label).append("\", \"window\": \"")
                    .append(window).append("\", \"secret_length\": ").append(secretLength)
                    .append(", \"nested\": {\"x\": ").append(id * 10).append("}}\n");
        }
        try {
            Path file = Files.createTempFile("batch", ".ndjson");
            Files.writeString(file, sb);
            file.toFile().deleteOnExit();
            return new IngestBatch.JsonLines(file, raw ? "payload" : null);
        } catch (IOException e) {
            throw new IngestException("cannot write a batch file: " + e.getMessage(), e);
        }
    }
}
