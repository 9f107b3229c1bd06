package dev.mallard.core.ingest;

import java.util.Optional;

/** {@code --start}/{@code --end} of {@code mallard ingest} and {@code build}: a backfill's range, as given. */
public record IngestWindow(String start, String end) {
    public static final IngestWindow NONE = new IngestWindow(null, null);

    public Optional<String> startValue() {
        return Optional.ofNullable(start).filter(s -> !s.isBlank());
    }

    public Optional<String> endValue() {
        return Optional.ofNullable(end).filter(s -> !s.isBlank());
    }
}
