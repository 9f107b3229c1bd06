package dev.mallard.jinja.value;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * Python's bytes, as {@code str.encode()} returns them: ints when iterated, printed as
 * {@code b'...'}, and {@code decode()} back to text.
 */
public final class PyBytes extends AbstractCollection<Object> implements PyObject {
    private final byte[] bytes;

    public PyBytes(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code text.encode(encoding, errors)} for utf-8, ascii, latin-1, utf-16 and utf-32. */
    static PyBytes encode(String text, String encoding, String errors) {
        String codec = codecName(encoding);
        if (codec.equals("ascii") || codec.equals("latin-1")) {
            int limit = codec.equals("ascii") ? 128 : 256;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int position = 0;
            for (int i = 0; i < text.length(); position++) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp < limit) {
                    out.write(cp);
                } else if (errors.equals("replace")) {
                    out.write('?');
                } else if (!errors.equals("ignore")) {
                    throw new JinjaError("'" + codec + "' codec can't encode character " + escapedChar(cp)
                            + " in position " + position + ": ordinal not in range(" + limit + ")");
                }
            }
            return new PyBytes(out.toByteArray());
        }
        return switch (codec) {
            case "utf-8" -> new PyBytes(text.getBytes(StandardCharsets.UTF_8));
            case "utf-16" -> new PyBytes(concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                    text.getBytes(StandardCharsets.UTF_16LE)));
            case "utf-32" -> new PyBytes(concat(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0},
                    text.getBytes(Charset.forName("UTF-32LE"))));
            default -> {
                try {
                    yield new PyBytes(text.getBytes(Charset.forName(encoding)));
                } catch (IllegalArgumentException e) {
                    throw new JinjaError("unknown encoding: " + encoding);
                }
            }
        };
    }

    private static String codecName(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (e) {
            case "utf8", "utf-8", "u8" -> "utf-8";
            case "ascii", "us-ascii" -> "ascii";
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1" -> "latin-1";
            case "utf16", "utf-16" -> "utf-16";
            case "utf32", "utf-32" -> "utf-32";
            default -> e;
        };
    }

    private static String escapedChar(int cp) {
        return "'" + (cp <= 0xff ? String.format("\\x%02x", cp) : cp <= 0xffff ? String.format("\\u%04x", cp)
                : String.format("\\U%08x", cp)) + "'";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private String decode(String encoding, String errors) {
        String codec = codecName(encoding);
        Charset charset = switch (codec) {
            case "utf-8" -> StandardCharsets.UTF_8;
            case "ascii" -> StandardCharsets.US_ASCII;
            case "latin-1" -> StandardCharsets.ISO_8859_1;
            case "utf-16" -> StandardCharsets.UTF_16;
            default -> {
                try {
                    yield Charset.forName(encoding);
                } catch (IllegalArgumentException e) {
                    throw new JinjaError("unknown encoding: " + encoding);
                }
            }
        };
        CodingErrorAction action = errors.equals("strict") ? CodingErrorAction.REPORT
                : errors.equals("ignore") ? CodingErrorAction.IGNORE : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new JinjaError("'" + codec + "' codec can't decode the bytes: " + e.getMessage());
        }
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "decode" -> Methods.bind(this, name, 2, java.util.Set.of("encoding", "errors"), (site, a) ->
                    decode(Py.str(a.get(0, "encoding", "utf-8")), Py.str(a.get(1, "errors", "strict"))));
            case "hex" -> Methods.bind(this, name, 0, (site, a) -> {
                StringBuilder sb = new StringBuilder();
                for (byte b : bytes) {
                    sb.append(String.format("%02x", b & 0xff));
                }
                return sb.toString();
            });
            default -> Py.NOT_FOUND;
        };
    }

    @Override
    public Object getItem(Object key) {
        if (!(Py.isInt(key) || key instanceof Boolean)) {
            return Py.NOT_FOUND;
        }
        long i = PyNumbers.toLong(key);
        i = i < 0 ? i + bytes.length : i;
        return i >= 0 && i < bytes.length ? (Object) (long) (bytes[(int) i] & 0xff) : Py.NOT_FOUND;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < bytes.length;
            }

            @Override
            public Object next() {
                return (long) (bytes[i++] & 0xff);
            }
        };
    }

    @Override
    public int size() {
        return bytes.length;
    }

    @Override
    public String typeName() {
        return "bytes";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Python's repr of bytes: {@code b'...'} with escapes. */
    @Override
    public String toString() {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }
}
