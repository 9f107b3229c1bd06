package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;

/** A filter: {@code value | name(args)}. */
@FunctionalInterface
public interface Filter {
    Object apply(CallSite site, Object value, Args args);
}
