package dev.mallard.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A response body being written: a growable byte array that a serving thread reuses from
 * one request to the next, so that answering does not allocate a fresh array per request.
 * Unlike {@link java.io.ByteArrayOutputStream} its writes are not synchronized (one thread
 * owns it) and {@link #append} lets a caller copy into it without an extra call per byte.
 */
final class BodyBuffer extends OutputStream {
    /** A buffer grown past this is dropped after its request rather than kept by its thread. */
    static final int KEEP_AT_MOST = 1 << 20;

    private static final ThreadLocal<BodyBuffer> PER_THREAD = ThreadLocal.withInitial(() -> new BodyBuffer(16 * 1024));

    private byte[] bytes;
    private int size;

    BodyBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The calling thread's buffer, emptied. */
    static BodyBuffer forThisThread() {
        BodyBuffer b = PER_THREAD.get();
        if (b.bytes.length > KEEP_AT_MOST) {
            b = new BodyBuffer(16 * 1024);
            PER_THREAD.set(b);
        }
        b.size = 0;
        return b;
    }

    /**
     * Lets the body go with a write still in progress: if {@code body} is the calling thread's
     * buffer, the thread takes a new one for its next request instead of overwriting it.
     */
    static void handOver(byte[] body) {
        if (PER_THREAD.get().bytes == body) {
            PER_THREAD.set(new BodyBuffer(16 * 1024));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        append(b, off, len);
    }

    void append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void append(byte[] b) {
        append(b, 0, b.length);
    }

    int size() {
        return size;
    }

    /** The bytes written so far: the first {@link #size()} bytes of this array (valid until the next write). */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Sends the bytes written so far to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void ensure(int more) {
        if (more > bytes.length - size) {
            long wanted = Math.max((long) size + more, 2L * bytes.length);
            if ((long) size + more > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a response body over 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 16));
        }
    }
}
