package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.ingest.IngestWindow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --start}/{@code --end} of {@code ingest} and {@code build}: a backfill's range, passed to the ingests. */
final class IngestWindowOptions {
    @Option(names = "--start", description = "Ingests: start of a backfill (ISO-8601 date or date-time).")
    String start;

    @Option(names = "--end", description = "Ingests: end of a backfill (ISO-8601 date or date-time).")
    String end;

    IngestWindow window() {
        check("--start", start);
        check("--end", end);
        return new IngestWindow(start, end);
    }

    private static void check(String flag, String value) {
        if (value == null) {
            return;
        }
        for (java.util.function.Consumer<String> parse : java.util.List.<java.util.function.Consumer<String>>of(
                LocalDate::parse, LocalDateTime::parse, OffsetDateTime::parse)) {
            try {
                parse.accept(value);
                return;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new MallardException(ErrorCode.USAGE, flag + " '" + value + "' is not an ISO-8601 date or date-time", null,
                0, "e.g. " + flag + " 2026-01-01 or " + flag + " 2026-01-01T00:00:00Z", null);
    }
}
