package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.sql.Connection;

/** A {@link JavaMigration} instance adapted to {@link Migration}. */
record JavaClassMigration(MigrationVersion version, JavaMigration target) implements Migration {

    @Override
    public String description() {
        return target.description() == null ? "" : target.description();
    }

    @Override
    public MigrationType type() {
        return MigrationType.JAVA;
    }

    @Override
    public String script() {
        return target.getClass().getName();
    }

    @Override
    public String checksum() {
        return null;
    }

    @Override
    public boolean reversible() {
        return target instanceof ReversibleJavaMigration;
    }

    @Override
    public void up(EngineSession session) {
        call(session, true);
    }

    @Override
    public void down(EngineSession session) {
        call(session, false);
    }

    private void call(EngineSession session, boolean up) {
        Connection c = session.jdbcConnection();
        try {
            if (up) {
                target.up(c);
            } else {
                ((ReversibleJavaMigration) target).down(c);
            }
        } catch (MallardException e) {
            throw e;
        } catch (Exception e) {
            throw new MallardException(ErrorCode.SQL, "Java migration " + version + " failed in "
                    + (up ? "up" : "down") + ": " + e.getMessage(), script(), 0, null, e);
        }
    }
}
