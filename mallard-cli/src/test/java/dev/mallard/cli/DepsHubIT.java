package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hub packages resolved through a real HTTP server on port 0 that answers as the dbt
 * package hub's API does: the highest release in every asker's range is installed.
 */
class DepsHubIT {
    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;

    @BeforeEach
    void startHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        StringBuilder versions = new StringBuilder();
        for (String v : List.of("0.9.0", "1.2.0", "1.5.0", "2.1.0")) {
            Path src = tmp.resolve("hub/lib-" + v);
            Files.createDirectories(src.resolve("macros"));
            Files.writeString(src.resolve("dbt_project.yml"), "name: 'lib'\nversion: '" + v + "'\n");
            Path archive = tmp.resolve("hub/lib-" + v + ".tar.gz");
            DepsIT.tarGz(src, archive);
            byte[] bytes = Files.readAllBytes(archive);
            server.createContext("/tarballs/lib-" + v + ".tar.gz", ex -> {
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            });
            versions.append(versions.length() == 0 ? "" : ",").append("\"").append(v)
                    .append("\": {\"name\": \"lib\", \"downloads\": {\"tarball\": \"").append(base)
                    .append("/tarballs/lib-").append(v).append(".tar.gz\"}}");
        }
        byte[] index = ("{\"name\": \"lib\", \"namespace\": \"acme\", \"versions\": {" + versions + "}}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/v1/acme/lib.json", ex -> {
            ex.sendResponseHeaders(200, index.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(index);
            }
        });
        server.start();
        System.setProperty("mallard.hub.url", base + "/api/v1/");
    }

    @AfterEach
    void stopHub() {
        System.clearProperty("mallard.hub.url");
        server.stop(0);
    }

    private TestProject projectWithOuterAsking(String outerVersion, String rootVersions) throws IOException {
        Path outer = tmp.resolve("outer");
        Files.createDirectories(outer);
        Files.writeString(outer.resolve("dbt_project.yml"), "name: 'outer'\nversion: '1.0.0'\n");
        Files.writeString(outer.resolve("packages.yml"), "packages:\n  - package: acme/lib\n    version: \""
                + outerVersion + "\"\n");
        return TestProject.in(tmp.resolve("proj")).dbtProject().file("packages.yml",
                "packages:\n  - package: acme/lib\n    version: " + rootVersions + "\n  - local: ../outer\n");
    }

    @Test
    void theHighestReleaseInTheIntersectionOfAllRangesIsInstalledAndLocked() throws Exception {
        TestProject p = projectWithOuterAsking("<2.0.0", "[\">=1.0.0\", \"<3.0.0\"]");

        p.runOk("deps");

        assertTrue(p.read("dbt_packages/lib/dbt_project.yml").contains("version: '1.5.0'"));
        String lock = p.read("package-lock.yml");
        assertTrue(lock.contains("  - package: acme/lib\n    version: 1.5.0\n    name: lib\n"), lock);

        // reinstalling from the lock fetches exactly 1.5.0 again
        p.runOk("deps");
        assertTrue(p.read("dbt_packages/lib/dbt_project.yml").contains("version: '1.5.0'"));
        assertEquals(lock, p.read("package-lock.yml"));
    }

    @Test
    void rangesThatDoNotOverlapAreAnErrorNamingEveryRequest() throws Exception {
        TestProject p = projectWithOuterAsking("<1.0.0", "\">=1.2.0\"");

        p.run("deps").assertExit(2)
                .assertErrContains("no version of acme/lib satisfies every request", "[>=1.2.0] (from packages.yml)",
                        "[<1.0.0] (from package outer)");
    }

    @Test
    void aRangeTheHubCannotMeetNamesTheVersionsItHas() throws Exception {
        TestProject p = TestProject.in(tmp.resolve("proj")).dbtProject()
                .file("packages.yml", "packages:\n  - package: acme/lib\n    version: \">=3.0.0\"\n");

        p.run("deps").assertExit(2).assertErrContains("the hub has no version of acme/lib in >=3.0.0",
                "[0.9.0, 1.2.0, 1.5.0, 2.1.0]");
    }
}
