package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.google.common.collect.SetMultimap;

/**
 * The context holding the project's macros, shared by every render on every thread.
 * Jinjava's Context copies bookkeeping (resolved expressions, values, functions,
 * dependencies) from each child up to all of its parents, in plain HashSets; on a shared
 * parent that would be a data race and a set that grows with every render. Renders never
 * read that bookkeeping, so this context drops it.
 */
final class SharedContext extends Context {

    SharedContext(Context parent) {
        super(parent);
    }

    @Override
    public void addResolvedExpression(String expression) {
        // see class comment
    }

    @Override
    public void addResolvedValue(String value) {
        // see class comment
    }

    @Override
    public void addResolvedFunction(String function) {
        // see class comment
    }

    @Override
    public void addDependency(String type, String identification) {
        // see class comment
    }

    @Override
    public void addDependencies(SetMultimap<String, String> dependencies) {
        // see class comment
    }
}
