package dev.mallard.core.ingest.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * examples/procurement/fixture/ProcurementApi.java run as its README says, with
 * {@code java ProcurementApi.java}, in a child process for the test's lifetime.
 */
final class FixtureApi implements AutoCloseable {

    static final Path SOURCE = locate();

    private final Process process;
    final int port;

    FixtureApi(String token, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            SOURCE.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("PROCUREMENT_API_TOKEN");
        if (token != null) {
            pb.environment().put("PROCUREMENT_API_TOKEN", token);
        }
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null) {
            throw new IOException("the fixture API did not start");
        }
        port = Integer.parseInt(first.trim());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void addRecords(int n) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/add?n=" + n))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("add failed: " + r.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("examples/procurement/fixture/ProcurementApi.java");
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("examples/procurement/fixture/ProcurementApi.java not found above " + Path.of("").toAbsolutePath());
    }
}
