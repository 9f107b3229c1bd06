package dev.mallard.core.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sha1_hash of package-lock.yml equals dbt-core 1.11's for the same packages.yml (values from dbt itself). */
class SpecHashTest {
    @Test
    void oneLocalPackageHashesAsInDbt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("packages.yml"), "packages:\n  - local: pk\n");
        assertEquals("3a2a808665e310435fb5e838a4bfcd30bce7d9d1", SpecHash.of(PackagesFile.read(dir, dir).packages()));
    }

    @Test
    void everyKindOfEntryHashesAsInDbt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("packages.yml"), """
                packages:
                  - git: https://github.com/dbt-labs/dbt-utils.git
                    revision: 1.3.0
                  - package: dbt-labs/codegen
                    version: [">=0.12.0", "<0.14.0"]
                  - tarball: https://x/y.tar.gz
                    name: y
                  - local: pk
                """);
        assertEquals("334f652be6868e8ad4bc4ebecdb2207dbf4e0b60", SpecHash.of(PackagesFile.read(dir, dir).packages()));
    }
}
