package dev.mallard.core.common;

import java.util.function.Supplier;

/** A value made on first use, by one thread, then kept. */
public final class Once {
    private Once() {
    }

    public static <T> Supplier<T> of(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }
}
