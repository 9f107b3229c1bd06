package dev.mallard.core.common;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads project files as UTF-8, as dbt does; a file that is not UTF-8 is named with the line of its first bad byte. */
public final class TextFiles {
    private TextFiles() {
    }

    public static String readUtf8(Path file, String displayName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MallardException(ErrorCode.PROJECT, "no such file", displayName, 0);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read the file: " + e.getMessage(), displayName, 0);
        }
        return decodeUtf8(bytes, displayName);
    }

    /** The text of {@code bytes}, or an error naming the line and byte offset of the first byte that is not UTF-8. */
    public static String decodeUtf8(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MallardException(ErrorCode.PROJECT, String.format(
                    "the file is not UTF-8: byte 0x%02X at offset %d cannot be decoded", bytes[offset] & 0xFF, offset),
                    displayName, line, "save the file as UTF-8", null);
        }
        return out.flip().toString();
    }
}
