package dev.mallard.core.ingest.files;

import java.util.Locale;
import java.util.Optional;

/** A format the files source reads, with the DuckDB reader that reads it. */
enum FileFormat {
    CSV("read_csv", "union_by_name = true"),
    JSON("read_json", "format = 'auto', union_by_name = true"),
    NDJSON("read_json", "format = 'newline_delimited', union_by_name = true"),
    PARQUET("read_parquet", "union_by_name = true");

    final String reader;
    final String defaults;

    FileFormat(String reader, String defaults) {
        this.reader = reader;
        this.defaults = defaults;
    }

    static Optional<FileFormat> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv", "tsv" -> Optional.of(CSV);
            case "json" -> Optional.of(JSON);
            case "ndjson", "jsonl", "jsonlines" -> Optional.of(NDJSON);
            case "parquet" -> Optional.of(PARQUET);
            default -> Optional.empty();
        };
    }

    /** By the file's extension ({@code .csv.gz} reads as CSV); empty when unknown. */
    static Optional<FileFormat> of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz") || n.endsWith(".zst")) {
            n = n.substring(0, n.lastIndexOf('.'));
        }
        int dot = n.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : named(n.substring(dot + 1));
    }
}
