package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exposures from properties YAML: listed, selectable with exposure:, in the DAG, never built. */
class ExposuresIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select * from {{ ref('a') }}")
                .file("models/other.sql", "select 2 as id")
                .file("models/exposures.yml", """
                        version: 2
                        exposures:
                          - name: weekly
                            type: dashboard
                            owner: {name: Ana, email: ana@example.com}
                            depends_on:
                              - ref('b')
                          - name: retired
                            type: notebook
                            owner: {name: Bo}
                            config: {enabled: false}
                        """);
    }

    private static List<String> ls(TestProject p, String... args) {
        return p.runOk("ls", args).out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void exposuresAreListedAndSelectWhatFeedsThem() {
        TestProject p = project();
        assertEquals(List.of("exposure:proj.weekly"), ls(p, "--resource-type", "exposure"));
        assertEquals(List.of("exposure:proj.weekly"), ls(p, "--select", "exposure:weekly"));
        assertEquals(List.of("exposure:proj.weekly", "proj.a", "proj.b"), ls(p, "--select", "+exposure:weekly")
                .stream().sorted().toList());
        p.runOk("build", "--select", "+exposure:weekly").assertOutContains("PASS=2");
    }

    @Test
    void anExposureDependingOnSomethingElseThanRefOrSourceIsAnError() {
        TestProject p = project().file("models/exposures.yml", """
                version: 2
                exposures:
                  - name: weekly
                    type: dashboard
                    owner: {name: Ana}
                    depends_on: ['b']
                """);
        p.run("parse").assertExit(2).assertOutputContains("models/exposures.yml")
                .assertOutputContains("not a ref() or source() call");
    }
}
