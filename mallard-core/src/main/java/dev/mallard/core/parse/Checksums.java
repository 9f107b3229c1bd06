package dev.mallard.core.parse;

import dev.mallard.jinja.value.PyChars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * sha256 checksums, as dbt records them for state comparison: a file's checksum is the
 * sha256 of its UTF-8 contents with leading and trailing whitespace stripped (Python's
 * {@code str.strip()}), and a seed over 1 MiB is not hashed at all (dbt records its path).
 */
public final class Checksums {
    /** dbt's MAXIMUM_SEED_SIZE: larger seeds get a "path" checksum instead of a hash. */
    public static final long MAXIMUM_SEED_SIZE = 1024L * 1024L;

    private Checksums() {
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The checksum dbt gives a SQL file (model, analysis, snapshot, singular test) or a seed. */
    public static String ofFileContents(String text) {
        return sha256(strip(text));
    }

    /** The code dbt keeps as {@code raw_code}: the file's text stripped as Python strips it. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && PyChars.isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && PyChars.isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Whether dbt records a seed by its path rather than a hash of its contents. */
    public static boolean isLargeSeed(Path file) {
        try {
            return Files.size(file) > MAXIMUM_SEED_SIZE;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A seed's checksum as dbt computes it: its stripped UTF-8 text hashed; a large seed
     * (see {@link #isLargeSeed}) gets none here. A file that is not UTF-8 (dbt cannot read
     * it) is hashed as bytes.
     */
    public static String seed(Path file) {
        if (isLargeSeed(file)) {
            return "";
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return ofFileContents(text);
            } catch (CharacterCodingException e) {
                return HexFormat.of().formatHex(digest().digest(bytes));
            }
        } catch (IOException e) {
            return "";
        }
    }

    public static String sha256File(Path file) {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            return "";
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A node's checksum as manifest.json records it: {@code {name, checksum}}, sha256 of the
     * file's stripped text; for a seed over 1 MiB its path, and none for a generic test
     * (which has no file of its own).
     */
    public static Map.Entry<String, String> ofNode(dev.mallard.core.manifest.Node node) {
        if (node instanceof dev.mallard.core.manifest.SeedNode s && s.csvFile() != null && isLargeSeed(s.csvFile())) {
            return Map.entry("path", s.originalFilePath());
        }
        if (node instanceof dev.mallard.core.manifest.TestNode t && t.isGeneric()) {
            return Map.entry("none", "");
        }
        String sum = node instanceof dev.mallard.core.manifest.ModelNode m ? m.checksum()
                : node instanceof dev.mallard.core.manifest.SeedNode s ? s.checksum()
                : node instanceof dev.mallard.core.manifest.TestNode t ? t.checksum() : null;
        return Map.entry("sha256", sum == null ? "" : sum);
    }
}
