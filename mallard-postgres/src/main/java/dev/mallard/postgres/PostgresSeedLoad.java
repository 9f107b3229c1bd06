package dev.mallard.postgres;

import dev.mallard.core.engine.AgateTypes;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.SeedText;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;

/**
 * A seed into Postgres as dbt-postgres loads it: the file read once in Java, each column's
 * type inferred by agate's rules ({@link AgateTypes}) and named as dbt-postgres names it
 * (integer, float8, date, timestamp without time zone, boolean, text; whole numbers beyond
 * integer widen to bigint or numeric), the table created, and the values, written as agate
 * reads them, streamed in with {@code COPY ... FROM STDIN}.
 */
final class PostgresSeedLoad {
    private final PostgresSession session;
    private final Connection conn;

    PostgresSeedLoad(PostgresSession session, Connection conn) {
        this.session = session;
        this.conn = conn;
    }

    void load(CsvLoad load) {
        SeedText text = SeedText.read(load);
        List<String> header = text.header();
        List<List<String>> rows = text.rows();
        Map<String, String> given = text.given();
        Map<String, String> inferred = AgateTypes.infer(header, rows);
        List<String> types = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (String name : header) {
            String type = given.get(name.toLowerCase(Locale.ROOT));
            types.add(type != null ? type : postgresType(inferred.get(name)));
            columns.add(Relation.quote(name) + " " + types.get(types.size() - 1));
        }
        session.execute("CREATE TABLE " + load.target().render() + " (" + String.join(", ", columns) + ")");
        copy(load.target(), header, rows, inferred, given);
    }

    static String postgresType(String agate) {
        return switch (agate) {
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            case "HUGEINT" -> "numeric";
            case "DOUBLE" -> "float8";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp without time zone";
            case "BOOLEAN" -> "boolean";
            default -> "text";
        };
    }

    private void copy(Relation target, List<String> header, List<List<String>> rows, Map<String, String> inferred,
                      Map<String, String> given) {
        StringBuilder data = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(data, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
            List<Object> values = new ArrayList<>(header.size());
            for (List<String> row : rows) {
                values.clear();
                for (int i = 0; i < header.size(); i++) {
                    String raw = i < row.size() ? row.get(i) : null;
                    boolean typed = given.containsKey(header.get(i).toLowerCase(Locale.ROOT));
                    values.add(AgateTypes.text(raw, typed ? "GIVEN" : inferred.get(header.get(i))));
                }
                out.printRecord(values);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> cols = header.stream().map(Relation::quote).toList();
        String sql = "COPY " + target.render() + " (" + String.join(", ", cols) + ") FROM STDIN (FORMAT csv)";
        try {
            conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
        } catch (SQLException e) {
            throw PostgresSession.sqlError(e);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.ENGINE, "COPY into " + target.render() + " failed: " + e.getMessage());
        }
    }
}
