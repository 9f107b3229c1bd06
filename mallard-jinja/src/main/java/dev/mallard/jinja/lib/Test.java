package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;

/** A test: {@code value is name(args)}. */
@FunctionalInterface
public interface Test {
    boolean test(CallSite site, Object value, Args args);
}
