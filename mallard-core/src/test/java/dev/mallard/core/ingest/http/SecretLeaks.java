package dev.mallard.core.ingest.http;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Greps everything a run let out (progress, states, rows, the error and its stack trace) for a secret. */
final class SecretLeaks {

    private SecretLeaks() {}

    static void assertAbsent(String secret, RecordingRun.Store store, Throwable error) {
        StringBuilder all = new StringBuilder();
        store.progress.forEach(p -> all.append(p).append('\n'));
        store.rows.values().forEach(rows -> rows.forEach(r -> all.append(r).append('\n')));
        try {
            all.append(new ObjectMapper().writeValueAsString(store.states)).append('\n');
            all.append(new ObjectMapper().writeValueAsString(store.commits.stream().map(c -> c.state()).toList()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            all.append(trace);
        }
        String text = all.toString();
        for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(text.contains(form), "the secret leaked (as '" + form + "') into:\n" + text);
        }
    }
}
