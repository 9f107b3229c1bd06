package dev.mallard.core.deps;

import dev.mallard.jinja.lib.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code sha1_hash} of package-lock.yml exactly as dbt computes it: each entry's
 * {@link PackageSpec#hashForm()} as Python's {@code json.dumps(..., sort_keys=True)}, the
 * lines sorted and joined by newlines, then SHA-1.
 */
final class SpecHash {
    private SpecHash() {
    }

    static String of(List<PackageSpec> packages) {
        List<String> lines = new ArrayList<>();
        for (PackageSpec p : packages) {
            // Python's json.dumps(sort_keys=True), which the engine's writer for dbt's tojson() is
            lines.add(Json.dbtDumps(p.hashForm(), true));
        }
        lines.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
