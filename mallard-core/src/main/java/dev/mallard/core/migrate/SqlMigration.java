package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;

/**
 * A {@code V<version>__<description>.sql} file with its {@code -- migrate:up} statements
 * and, when it has a {@code -- migrate:down} section, its down statements.
 */
public record SqlMigration(
        MigrationVersion version,
        String description,
        String script,
        String checksum,
        List<SqlStatement> upStatements,
        List<SqlStatement> downStatements,
        boolean reversible) implements Migration {

    public SqlMigration {
        upStatements = List.copyOf(upStatements);
        downStatements = List.copyOf(downStatements);
    }

    @Override
    public MigrationType type() {
        return MigrationType.SQL;
    }

    @Override
    public void up(EngineSession session) {
        run(session, upStatements);
    }

    @Override
    public void down(EngineSession session) {
        run(session, downStatements);
    }

    private void run(EngineSession session, List<SqlStatement> statements) {
        for (SqlStatement st : statements) {
            try {
                session.execute(st.sql());
            } catch (MallardException e) {
                throw new MallardException(ErrorCode.SQL, "migration " + version + " failed: " + e.getMessage(),
                        script, st.line(), null, e);
            }
        }
    }
}
