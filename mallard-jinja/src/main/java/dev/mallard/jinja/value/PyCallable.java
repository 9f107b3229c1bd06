package dev.mallard.jinja.value;

/** Anything a template can call: macros, globals, bound methods, host functions. */
@FunctionalInterface
public interface PyCallable {
    Object call(CallSite site, Args args);
}
