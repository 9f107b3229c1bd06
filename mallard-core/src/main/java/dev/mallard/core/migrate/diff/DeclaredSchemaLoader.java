package dev.mallard.core.migrate.diff;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a declared schema file into a scratch database one statement at a time, so that the
 * database itself parses it and a failure names the file and the line of the statement.
 */
final class DeclaredSchemaLoader {
    private DeclaredSchemaLoader() {
    }

    static void load(Path schemaFile, Connection scratch) {
        String script = TextFiles.readUtf8(schemaFile, schemaFile.toString());
        for (ScriptStatement statement : SqlScriptSplitter.split(script)) {
            try (Statement st = scratch.createStatement()) {
                st.execute(statement.sql());
            } catch (SQLException e) {
                throw new MallardException(ErrorCode.SQL,
                        "declared schema statement at line " + statement.line() + " failed: " + firstLine(e),
                        schemaFile.toString(), statement.line(), null, e);
            }
        }
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
