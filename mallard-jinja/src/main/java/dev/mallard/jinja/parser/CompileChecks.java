package dev.mallard.jinja.parser;

import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.lexer.TokenStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The errors Jinja2 raises after parsing, while it compiles a template, in the order it raises
 * them: a block defined twice; then, walking the code as it is generated (top level first, then
 * each block), a {@code caller} parameter without a default in a macro that reads
 * {@code caller}, or a for loop that assigns to {@code loop}; last, what Python refuses to
 * compile ({@link PythonError}), such as {@code break}/{@code continue} outside a loop.
 */
final class CompileChecks {
    private final TokenStream s;
    private final List<PythonError> pythonErrors;
    private final List<Stmt.Scoped> blocks = new ArrayList<>();
    private TemplateError firstAssertion;

    CompileChecks(TokenStream stream, List<PythonError> pythonErrors) {
        this.s = stream;
        this.pythonErrors = new ArrayList<>(pythonErrors);
    }

    void check(List<Stmt> template) {
        Set<String> names = new HashSet<>();
        collectBlocks(template);
        for (Stmt.Scoped block : blocks) {
            if (!names.add(block.name())) {
                throw s.error("block '" + block.name() + "' defined twice", block.pos());
            }
        }
        walk(template, false);
        for (Stmt.Scoped block : blocks) {
            walk(block.body(), false);
        }
        if (firstAssertion != null) {
            throw firstAssertion;
        }
        // Within a stage Python reports the first error in code order, which follows the template.
        pythonErrors.stream()
                .min(Comparator.comparingInt(PythonError::stage)
                        .thenComparingInt(e -> e.error().line())
                        .thenComparingInt(e -> e.error().column()))
                .ifPresent(e -> {
                    throw e.error();
                });
    }

    private void collectBlocks(List<Stmt> body) {
        for (Stmt stmt : body) {
            if (stmt instanceof Stmt.Scoped scoped && scoped.tag().equals("block")) {
                blocks.add(scoped);
            }
            for (List<Stmt> child : bodies(stmt)) {
                collectBlocks(child);
            }
        }
    }

    /** Walks code as Jinja2 generates it; a block's body is generated separately. */
    private void walk(List<Stmt> body, boolean inLoop) {
        for (Stmt stmt : body) {
            if (stmt instanceof Stmt.Break && !inLoop) {
                loopControl("'break' outside loop", stmt.pos());
            } else if (stmt instanceof Stmt.Continue && !inLoop) {
                loopControl("'continue' not properly in loop", stmt.pos());
            } else if (stmt instanceof Stmt.Macro m) {
                checkCaller(m.params(), m.usesCaller(), m.pos());
                walk(m.body(), false);
            } else if (stmt instanceof Stmt.CallBlock c) {
                checkCaller(c.params(), SpecialNames.of(c.body(), c.params()).caller(), c.pos());
                walk(c.body(), false);
            } else if (stmt instanceof Stmt.For f) {
                Pos loopAssignment = loopAssignment(f);
                if (loopAssignment != null) {
                    assertion("Can't assign to special loop variable in for-loop target", loopAssignment);
                }
                walk(f.body(), true);
                walk(f.orelse(), inLoop);
            } else if (stmt instanceof Stmt.Docs d) {
                walk(d.body(), false);
            } else if (!(stmt instanceof Stmt.Scoped scoped && scoped.tag().equals("block"))) {
                for (List<Stmt> child : bodies(stmt)) {
                    walk(child, inLoop);
                }
            }
        }
    }

    private void checkCaller(List<Stmt.Param> params, boolean usesCaller, Pos pos) {
        if (usesCaller && params.stream().anyMatch(p -> p.name().equals("caller") && p.defaultValue() == null)) {
            assertion("When defining macros or call blocks the special \"caller\" argument must be omitted or be"
                    + " given a default.", pos);
        }
    }

    /** Where a for loop (anywhere inside it) assigns the name {@code loop}, or null. */
    private static Pos loopAssignment(Stmt.For f) {
        Pos pos = storesLoop(f.target());
        if (pos == null) {
            pos = storesLoop(f.body());
        }
        return pos != null ? pos : storesLoop(f.orelse());
    }

    private static Pos storesLoop(List<Stmt> body) {
        for (Stmt stmt : body) {
            Pos pos = null;
            if (stmt instanceof Stmt.For f) {
                pos = loopAssignment(f);
            } else if (stmt instanceof Stmt.Set set) {
                pos = storesLoop(set.target());
            } else if (stmt instanceof Stmt.SetBlock set) {
                pos = storesLoop(set.target());
            }
            if (pos == null) {
                for (List<Stmt> child : bodies(stmt)) {
                    pos = pos == null ? storesLoop(child) : pos;
                }
            }
            if (pos != null) {
                return pos;
            }
        }
        return null;
    }

    private static Pos storesLoop(Expr target) {
        if (target instanceof Expr.Name n && n.name().equals("loop")) {
            return n.pos();
        }
        if (target instanceof Expr.TupleLit t) {
            for (Expr item : t.items()) {
                Pos pos = storesLoop(item);
                if (pos != null) {
                    return pos;
                }
            }
        }
        return null;
    }

    /** The statement lists directly inside {@code stmt}, in Jinja2's field order. */
    private static List<List<Stmt>> bodies(Stmt stmt) {
        if (stmt instanceof Stmt.If i) {
            return List.of(i.body(), i.orelse());
        } else if (stmt instanceof Stmt.For f) {
            return List.of(f.body(), f.orelse());
        } else if (stmt instanceof Stmt.Macro m) {
            return List.of(m.body());
        } else if (stmt instanceof Stmt.CallBlock c) {
            return List.of(c.body());
        } else if (stmt instanceof Stmt.SetBlock set) {
            return List.of(set.body());
        } else if (stmt instanceof Stmt.FilterBlock f) {
            return List.of(f.body());
        } else if (stmt instanceof Stmt.With w) {
            return List.of(w.body());
        } else if (stmt instanceof Stmt.Scoped scoped) {
            return List.of(scoped.body());
        } else if (stmt instanceof Stmt.Docs d) {
            return List.of(d.body());
        } else if (stmt instanceof Stmt.Snapshot snapshot) {
            return List.of(snapshot.body());
        }
        return List.of();
    }

    private void assertion(String message, Pos pos) {
        if (firstAssertion == null) {
            firstAssertion = s.error(message, pos);
        }
    }

    private void loopControl(String message, Pos pos) {
        pythonErrors.add(new PythonError(PythonError.COMPILER, s.error(message, pos)));
    }
}
