package dev.mallard.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationsConfigTest {

    @Test
    void defaults() {
        MigrationsConfig c = MigrationsConfig.fromYaml(null, "dbt_project.yml");
        assertEquals(new MigrationsConfig("migrations", false, "mallard_schema_history", List.of()), c);
    }

    @Test
    void mappings() {
        MigrationsConfig c = MigrationsConfig.fromYaml(Map.of("path", "db/migrations", "apply_on_build", true,
                "table", "schema_versions", "classpath", List.of("lib/a.jar", "build/classes")), "dbt_project.yml");
        assertEquals(new MigrationsConfig("db/migrations", true, "schema_versions", List.of("lib/a.jar",
                "build/classes")), c);
        assertEquals(List.of("lib/a.jar"), MigrationsConfig.fromYaml(Map.of("classpath", "lib/a.jar"), "f").classpath());
    }

    @Test
    void badValuesAreRefusedNamingTheFile() {
        for (Object bad : List.<Object>of("migrations", Map.of("pth", "x"), Map.of("apply_on_build", "yes please"),
                Map.of("table", "drop table x"))) {
            MallardException e = assertThrows(MallardException.class,
                    () -> MigrationsConfig.fromYaml(bad, "dbt_project.yml"), String.valueOf(bad));
            assertEquals("dbt_project.yml", e.file());
        }
    }
}
