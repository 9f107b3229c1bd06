package dev.mallard.core.parse;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one value encoding of both parse caches. The plain values YAML and {@code config()}
 * give (null, str, bool, int, float, list, dict), each with a tag that keeps its exact Java
 * type, so a value read back behaves as the one written: all the file-by-file
 * {@link ParseCache} keeps. The whole {@link SavedParse} also keeps any record (by its
 * components, read back through its canonical constructor, so a node type that gains a field
 * round-trips without a change here), enums, sets and paths. Strings and class names are
 * written once and then referred to by number. A value of any other type is
 * {@link Uncacheable}: the file it came from is parsed again next time (or the whole parse is
 * not saved).
 */
final class SavedValues {
    private static final int NULL = 0;
    private static final int NEW_STRING = 1;
    private static final int STRING = 2;
    private static final int TRUE = 3;
    private static final int FALSE = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int BIG = 7;
    private static final int DOUBLE = 8;
    private static final int LIST = 9;
    private static final int MAP = 10;
    private static final int SET = 11;
    private static final int RECORD = 12;
    private static final int ENUM = 13;
    private static final int PATH = 14;
    private static final int MAX_DEPTH = 200;

    /** A record type's components and canonical constructor, looked up once per run. */
    private record Shape(Method[] accessors, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A value of a type the cache does not keep. */
    static final class Uncacheable extends RuntimeException {
        Uncacheable(Object value) {
            super("cannot cache a " + value.getClass().getName(), null, false, false);
        }
    }

    private SavedValues() {
    }

    /** Writes values, numbering each distinct string the first time it is written. */
    static final class Writer {
        private final DataOutputStream out;
        private final boolean plainOnly;
        private final Map<String, Integer> strings = new HashMap<>();

        /** A writer of any value this class keeps. */
        Writer(DataOutputStream out) {
            this(out, false);
        }

        /** A writer of plain values only when {@code plainOnly} (a record, enum, set or path is then Uncacheable). */
        Writer(DataOutputStream out, boolean plainOnly) {
            this.out = out;
            this.plainOnly = plainOnly;
        }

        void write(Object v) throws IOException {
            write(v, 0);
        }

        private void write(Object v, int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new Uncacheable(v);
            }
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof String s) {
                string(s);
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
                string(v.toString());
            } else if (v.getClass() == Double.class) {
                out.writeByte(DOUBLE);
                out.writeDouble((Double) v);
            } else if (plainOnly && (v instanceof Record || v instanceof Enum<?> || v instanceof Path
                    || v instanceof Set<?>)) {
                throw new Uncacheable(v);
            } else if (v instanceof Record r) {
                out.writeByte(RECORD);
                string(r.getClass().getName());
                Shape shape = SHAPES.computeIfAbsent(r.getClass(), Shape::of);
                for (Method accessor : shape.accessors) {
                    write(get(accessor, r), depth + 1);
                }
            } else if (v instanceof Enum<?> e) {
                out.writeByte(ENUM);
                string(e.getDeclaringClass().getName());
                string(e.name());
            } else if (v instanceof Path p) {
                out.writeByte(PATH);
                string(p.toString());
            } else if (v instanceof List<?> list && plainList(list)) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    write(item, depth + 1);
                }
            } else if (v instanceof Set<?> set && plainSet(set)) {
                out.writeByte(SET);
                out.writeInt(set.size());
                for (Object item : set) {
                    write(item, depth + 1);
                }
            } else if (v instanceof Map<?, ?> map && plainMap(map)) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(e.getKey(), depth + 1);
                    write(e.getValue(), depth + 1);
                }
            } else {
                throw new Uncacheable(v);
            }
        }

        private void string(String s) throws IOException {
            Integer known = strings.get(s);
            if (known != null) {
                out.writeByte(STRING);
                out.writeInt(known);
            } else {
                strings.put(s, strings.size());
                out.writeByte(NEW_STRING);
                writeString(out, s);
            }
        }

        private static Object get(Method accessor, Record r) {
            try {
                return accessor.invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new Uncacheable(r);
            }
        }
    }

    /** Reads what a {@link Writer} wrote, from a file read whole into memory. */
    static final class Reader {
        private final ByteBuffer in;
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Shape> shapesByName = new HashMap<>();
        private final Map<String, Object> enums = new HashMap<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        Object read() throws IOException {
            int tag = in.get();
            return switch (tag) {
                case NULL -> null;
                case NEW_STRING, STRING -> string(tag);
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case INT -> in.getInt();
                case LONG -> in.getLong();
                case BIG -> new BigInteger(string(in.get()));
                case DOUBLE -> in.getDouble();
                case LIST -> {
                    int n = size(in);
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    yield list;
                }
                case SET -> {
                    int n = size(in);
                    Set<Object> set = new LinkedHashSet<>(n * 2);
                    for (int i = 0; i < n; i++) {
                        set.add(read());
                    }
                    yield set;
                }
                case MAP -> {
                    int n = size(in);
                    Map<Object, Object> map = new LinkedHashMap<>(n * 2);
                    for (int i = 0; i < n; i++) {
                        map.put(read(), read());
                    }
                    yield map;
                }
                case RECORD -> record(string(in.get()));
                case ENUM -> {
                    String className = string(in.get());
                    String name = string(in.get());
                    Object value = enums.get(className + "." + name);
                    if (value == null) {
                        value = enumValue(className, name);
                        enums.put(className + "." + name, value);
                    }
                    yield value;
                }
                case PATH -> Path.of(string(in.get()));
                default -> throw new IOException("unknown value tag " + tag);
            };
        }

        private String string(int tag) throws IOException {
            if (tag == STRING) {
                int index = in.getInt();
                if (index < 0 || index >= strings.size()) {
                    throw new IOException("unknown string " + index);
                }
                return strings.get(index);
            }
            if (tag != NEW_STRING) {
                throw new IOException("a string was expected, not tag " + tag);
            }
            String s = readString(in);
            strings.add(s);
            return s;
        }

        private Object record(String className) throws IOException {
            Shape shape = shapesByName.get(className);
            if (shape == null) {
                try {
                    shape = SHAPES.computeIfAbsent(type(className), Shape::of);
                } catch (RuntimeException e) {
                    throw new IOException("cannot rebuild a " + className, e);
                }
                shapesByName.put(className, shape); // tens of thousands of records: the class is looked up once
            }
            Object[] args = new Object[shape.accessors.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = read();
            }
            try {
                return shape.constructor.newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException("cannot rebuild a " + className + ": " + e, e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumValue(String className, String name) throws IOException {
            try {
                return Enum.valueOf((Class<? extends Enum>) type(className), name);
            } catch (RuntimeException e) {
                throw new IOException("no " + className + "." + name, e);
            }
        }

        /** Only Mallard's own types are rebuilt from a saved file. */
        private static Class<?> type(String className) throws IOException {
            if (!className.startsWith("dev.mallard.")) {
                throw new IOException("not a Mallard type: " + className);
            }
            try {
                return Class.forName(className, false, SavedValues.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("no type " + className, e);
            }
        }
    }

    static String readString(ByteBuffer in) throws IOException {
        int n = size(in);
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, java.nio.charset.StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    static int size(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IOException("implausible size " + n);
        }
        return n;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Lists and maps of the JDK's own kinds; a template's tuple or a custom class is not one. */
    static boolean plainList(List<?> list) {
        String name = list.getClass().getName();
        return list.getClass() == ArrayList.class || name.startsWith("java.util.ImmutableCollections$List")
                || name.startsWith("java.util.Collections$Unmodifiable") || name.equals("java.util.Arrays$ArrayList");
    }

    static boolean plainMap(Map<?, ?> map) {
        String name = map.getClass().getName();
        return map.getClass() == LinkedHashMap.class || map.getClass() == HashMap.class
                || name.startsWith("java.util.ImmutableCollections$Map")
                || name.startsWith("java.util.Collections$Unmodifiable");
    }

    private static boolean plainSet(Set<?> set) {
        String name = set.getClass().getName();
        return set.getClass() == LinkedHashSet.class || set.getClass() == java.util.HashSet.class
                || set.getClass() == java.util.TreeSet.class
                || name.startsWith("java.util.ImmutableCollections$Set")
                || name.startsWith("java.util.Collections$Unmodifiable");
    }
}
