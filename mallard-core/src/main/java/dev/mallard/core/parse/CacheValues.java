package dev.mallard.core.parse;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain values the parse cache stores (what YAML and {@code config()} give: null, str,
 * bool, int, float, list, dict), each with a tag that keeps its exact Java type, so a
 * value read back behaves as the one written. Any other type is {@link Uncacheable}: the
 * file it came from is simply parsed again next time.
 */
final class CacheValues {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int BIG = 6;
    private static final int DOUBLE = 7;
    private static final int LIST = 8;
    private static final int MAP = 9;
    private static final int MAX_DEPTH = 200;

    /** A value of a type the cache does not keep. */
    static final class Uncacheable extends RuntimeException {
        Uncacheable(Object value) {
            super("cannot cache a " + value.getClass().getName(), null, false, false);
        }
    }

    private CacheValues() {
    }

    static void write(DataOutputStream out, Object v) throws IOException {
        write(out, v, 0);
    }

    private static void write(DataOutputStream out, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new Uncacheable(v); // a YAML alias may make a structure that contains itself
        }
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v.getClass() == Integer.class) {
            out.writeByte(INT);
            out.writeInt((Integer) v);
        } else if (v.getClass() == Long.class) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v.getClass() == BigInteger.class) {
            out.writeByte(BIG);
            writeString(out, v.toString());
        } else if (v.getClass() == Double.class) {
            out.writeByte(DOUBLE);
            out.writeDouble((Double) v);
        } else if (v instanceof List<?> list && plainList(list)) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item, depth + 1);
            }
        } else if (v instanceof Map<?, ?> map && plainMap(map)) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
        } else {
            throw new Uncacheable(v);
        }
    }

    static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case BIG -> new BigInteger(readString(in));
            case DOUBLE -> in.readDouble();
            case LIST -> {
                int n = size(in);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case MAP -> {
                int n = size(in);
                Map<Object, Object> map = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    map.put(read(in), read(in));
                }
                yield map;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[size(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int size(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("implausible size " + n);
        }
        return n;
    }

    /** Lists and maps of the JDK's own kinds; a template's tuple or a custom class is not one. */
    static boolean plainList(List<?> list) {
        String name = list.getClass().getName();
        return list instanceof ArrayList<?> && list.getClass() == ArrayList.class
                || name.startsWith("java.util.ImmutableCollections$List")
                || name.startsWith("java.util.Collections$Unmodifiable") || name.equals("java.util.Arrays$ArrayList");
    }

    static boolean plainMap(Map<?, ?> map) {
        String name = map.getClass().getName();
        return map.getClass() == LinkedHashMap.class || map.getClass() == java.util.HashMap.class
                || name.startsWith("java.util.ImmutableCollections$Map")
                || name.startsWith("java.util.Collections$Unmodifiable");
    }
}
