package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt's behaviour flags, set under {@code flags:} in dbt_project.yml, change dbt's macros as in dbt. */
class BehaviorFlagsIT {

    @Test
    void truthyNullsMakeEqualsNullSafe(@TempDir Path dir) {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/e.sql", "select {{ dbt.equals('null', 'null') }} as e");
        p.run("build").assertOk();
        assertEquals(null, p.value("select e from e"));
        p.dbtProject("flags:\n  enable_truthy_nulls_equals_macro: true\n");
        p.run("build").assertOk();
        assertEquals("true", p.value("select e from e"));
    }
}
