package dev.mallard.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFilesTest {
    @Test
    void utf8TextIsDecoded() {
        assertEquals("caf\u00e9\n\u20ac", TextFiles.decodeUtf8("caf\u00e9\n\u20ac".getBytes(StandardCharsets.UTF_8),
                "m.sql"));
    }

    @Test
    void theFirstBadByteIsNamedWithItsLine() {
        byte[] bytes = "select 1\nfrom t\nwhere name = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        MallardException e = assertThrows(MallardException.class, () -> TextFiles.decodeUtf8(bytes, "models/m.sql"));
        assertEquals("models/m.sql", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("0xE9"), e.getMessage());
    }
}
