package dev.mallard.core.materialize;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A seed's shape as dbt's CSV reader sees it: its header (read before loading, so that a
 * file the engine reads with another number of columns is caught) and, when the engine
 * refuses or misreads the file, a line-by-line check that reports the bad row with its file
 * and line.
 */
final class CsvCheck {
    private CsvCheck() {
    }

    /**
     * The header row. Only the first record is read, streamed: a seed of many megabytes is
     * not decoded whole just for its first line (that took about a second for 60 MB). A
     * header that does not decode as UTF-8 or parse is read again the careful way, which
     * names the problem; bad bytes further down are for the engine to refuse and
     * {@link #check} to name.
     */
    static List<String> header(Path file, String displayName, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').get();
        try (Reader reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                CSVRecord first = records.next();
                if (!(first.size() == 1 && first.get(0).isBlank())) {
                    List<String> header = new ArrayList<>(first.toList());
                    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                        header.set(0, header.get(0).substring(1)); // a byte-order mark, as dbt and DuckDB skip it
                    }
                    return header;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the careful reading below names the file, the line and what is wrong
        }
        return read(file, displayName, delimiter, true);
    }

    /** Checks every row of the file; returns its header. */
    static List<String> check(Path file, String displayName, char delimiter) {
        return read(file, displayName, delimiter, false);
    }

    private static List<String> read(Path file, String displayName, char delimiter, boolean headerOnly) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').get();
        // decoded strictly first, so that a file that is not UTF-8 is named with the line of its first bad byte
        try (Reader reader = new StringReader(TextFiles.readUtf8(file, displayName));
             CSVParser parser = CSVParser.parse(reader, format)) {
            int expected = -1;
            List<String> header = List.of();
            for (CSVRecord record : parser) {
                if (expected < 0) {
                    expected = record.size();
                    header = new ArrayList<>(record.toList());
                    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                        header.set(0, header.get(0).substring(1)); // a byte-order mark, as dbt and DuckDB skip it
                    }
                    if (expected == 1 && record.get(0).isBlank()) {
                        throw new MallardException(ErrorCode.PROJECT, "the seed has no header row", displayName, 1);
                    }
                    if (headerOnly) {
                        return header;
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != expected) {
                    throw new MallardException(ErrorCode.PROJECT, "row has " + record.size() + " fields but the header has "
                            + expected, displayName, lineOf(parser, record));
                }
            }
            if (expected < 0) {
                throw new MallardException(ErrorCode.PROJECT, "the seed file is empty", displayName, 1);
            }
            return header;
        } catch (UncheckedIOException | IllegalStateException e) {
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new MallardException(ErrorCode.PROJECT, "malformed CSV: "
                    + firstLine(message).replaceFirst("^\\(startline \\d+\\) ", ""), displayName, lineIn(message));
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read the seed: " + e.getMessage(), displayName, 0);
        }
    }

    private static int lineOf(CSVParser parser, CSVRecord record) {
        // the parser's line counter is past the record; a record spans at least one line
        long line = parser.getCurrentLineNumber();
        return (int) Math.max(1, line);
    }

    private static int lineIn(String message) {
        if (message == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
