package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.AstWalker;
import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Stmt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a macro body reads {@code caller}, {@code varargs} or {@code kwargs}, decided as
 * Jinja2's {@code find_undeclared} does: walking the body in Jinja2's field order (into nested
 * macros and call blocks, not into {@code block}s), a name counts when its first occurrence is
 * a read; an assignment or parameter of that name seen first hides it. A macro parameter named
 * {@code varargs} or {@code kwargs} switches that one off, as Jinja2's compiler does.
 */
record SpecialNames(boolean caller, boolean varargs, boolean kwargs) {

    static SpecialNames of(List<Stmt> body, List<Stmt.Param> params) {
        FirstUse first = new FirstUse();
        AstWalker.walk(body, first);
        boolean varargsParam = params.stream().anyMatch(p -> p.name().equals("varargs"));
        boolean kwargsParam = params.stream().anyMatch(p -> p.name().equals("kwargs"));
        return new SpecialNames(first.read("caller"), first.read("varargs") && !varargsParam,
                first.read("kwargs") && !kwargsParam);
    }

    /** How each name first occurs: TRUE read, FALSE assigned. */
    private static final class FirstUse implements AstWalker.Visitor {
        private final Map<String, Boolean> first = new HashMap<>();

        @Override
        public boolean enter(Stmt s) {
            return !(s instanceof Stmt.Scoped scoped && scoped.tag().equals("block"));
        }

        @Override
        public void expression(Expr e) {
            if (e instanceof Expr.Name n) {
                first.putIfAbsent(n.name(), Boolean.TRUE);
            }
        }

        @Override
        public void assigned(String name) {
            first.putIfAbsent(name, Boolean.FALSE);
        }

        boolean read(String name) {
            return first.getOrDefault(name, Boolean.FALSE);
        }
    }
}
