package dev.mallard.core.engine;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * A seed file read whole as text, for engines that type it in Java (agate's inference) and
 * load it themselves: the header (a UTF-8 byte-order mark dropped), the rows, and the
 * {@code column_types} the project gave, keyed by lower-case column name.
 */
public record SeedText(List<String> header, List<List<String>> rows, Map<String, String> given) {
    public static SeedText read(CsvLoad load) {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(load.delimiter().isEmpty() ? ","
                : load.delimiter()).build();
        try (Reader in = Files.newBufferedReader(load.file(), StandardCharsets.UTF_8);
             var parser = format.parse(in)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new MallardException(ErrorCode.PROJECT, "the seed file is empty", load.file().toString(), 1);
            }
            header = new ArrayList<>(records.next().toList());
            while (records.hasNext()) {
                rows.add(records.next().toList());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read the seed file: " + e.getMessage(),
                    load.file().toString(), 0);
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Map<String, String> given = new LinkedHashMap<>();
        load.columnTypes().forEach((k, v) -> given.put(k.toLowerCase(Locale.ROOT), v));
        return new SeedText(header, rows, given);
    }

}
