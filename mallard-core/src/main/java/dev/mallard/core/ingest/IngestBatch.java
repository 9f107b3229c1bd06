package dev.mallard.core.ingest;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** Rows for one commit, in the form the source has them. */
public sealed interface IngestBatch {

    /**
     * Newline-delimited JSON records in a file the source wrote (and deletes after
     * {@link IngestRun#commit} returns). With {@code rawColumn} set, each record is kept whole
     * as JSON in that one column; otherwise its keys become columns (declared or inferred).
     */
    record JsonLines(Path file, String rawColumn) implements IngestBatch {}

    /** A DuckDB {@code SELECT} that yields the rows, e.g. over {@code read_csv('…')}. */
    record Query(String select) implements IngestBatch {}

    /** Typed rows streamed from another database; values are JDBC objects in column order. */
    record Rows(List<Column> columns, Iterator<Object[]> rows) implements IngestBatch {
        public Rows {
            columns = List.copyOf(columns);
        }
    }

    /** A column of {@link Rows}: its name and DuckDB type, e.g. {@code BIGINT}. */
    record Column(String name, String duckdbType) {}
}
