package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt's "Unable to do partial parsing because ..." line, when dbt-core 1.11.16 prints it and only then. */
class PartialParseNoteIT {
    private static final String NOTE = "Unable to do partial parsing because ";

    @TempDir
    Path dir;

    @Test
    void theFirstParseAndAChangeOfVarsSayWhyEverythingIsParsed() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/a.sql", "select 1 as id");
        p.runOk("run").assertOutContains(NOTE + "saved manifest not found. Starting full parse.\n");
        String again = p.runOk("run").out();
        assertFalse(again.contains(NOTE), again);
        p.runOk("run", "--vars", "x: 1").assertOutContains(NOTE
                + "config vars, config profile, or config target have changed\n");
        String asked = p.runOk("run", "--vars", "x: 2", "--no-partial-parse").out();
        assertFalse(asked.contains(NOTE), "dbt says nothing when told not to parse partially: " + asked);
        // ls prints what programs read: no such note there
        String listed = p.runOk("ls", "--vars", "x: 3").out();
        assertFalse(listed.contains(NOTE), listed);
    }
}
