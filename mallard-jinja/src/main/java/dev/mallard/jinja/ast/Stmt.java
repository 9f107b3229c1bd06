package dev.mallard.jinja.ast;

import java.util.List;

/** Template-level nodes: text, output and the statements of Jinja2 plus dbt's block tags. */
public sealed interface Stmt {
    Pos pos();

    /** Literal template text (after whitespace control). */
    record Text(Pos pos, String text) implements Stmt {
    }

    /** {@code {{ expr }}}. */
    record Print(Pos pos, Expr expr) implements Stmt {
    }

    /** {@code if/elif/else}: an elif is an If alone in the orelse list. */
    record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {
        public If {
            body = List.copyOf(body);
            orelse = List.copyOf(orelse);
        }
    }

    /** {@code for target in iter [if filter] [recursive]} with an optional else part. */
    record For(Pos pos, Expr target, Expr iter, Expr filter, boolean recursive, List<Stmt> body,
               List<Stmt> orelse) implements Stmt {
        public For {
            body = List.copyOf(body);
            orelse = List.copyOf(orelse);
        }
    }

    /** A macro parameter with its default expression (null when it has none). */
    record Param(String name, Expr defaultValue) {
    }

    /**
     * {@code {% macro name(params) %}}; dbt's {@code {% test name(params) %}} is a Macro named
     * {@code test_<name>} and {@code {% materialization name, adapter='x' %}} one named
     * {@code materialization_<name>_<adapter>}, with {@link #kind} telling them apart.
     * {@link #usesCaller}, {@link #usesVarargs} and {@link #usesKwargs} say whether the body
     * reads {@code caller}, {@code varargs}, {@code kwargs} (as Jinja2 decides whether a macro
     * accepts extra arguments).
     */
    record Macro(Pos pos, String name, List<Param> params, List<Stmt> body, Kind kind, boolean usesCaller,
                 boolean usesVarargs, boolean usesKwargs) implements Stmt {
        public Macro {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }

        public enum Kind { MACRO, TEST, MATERIALIZATION }
    }

    /** {@code {% call(params) fn(args) %}body{% endcall %}}: body becomes {@code caller}. */
    record CallBlock(Pos pos, Expr.Call call, List<Param> params, List<Stmt> body, boolean usesVarargs,
                     boolean usesKwargs) implements Stmt {
        public CallBlock {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    /** {@code {% set target = value %}}; target is a Name, a tuple of Names, or {@code ns.attr} (GetAttr). */
    record Set(Pos pos, Expr target, Expr value) implements Stmt {
    }

    /** {@code {% set target [| filters] %}body{% endset %}}; filters have a null input. */
    record SetBlock(Pos pos, Expr target, List<Expr.Filter> filters, List<Stmt> body) implements Stmt {
        public SetBlock {
            filters = List.copyOf(filters);
            body = List.copyOf(body);
        }
    }

    /** {@code {% filter f | g(x) %}body{% endfilter %}}; filters have a null input. */
    record FilterBlock(Pos pos, List<Expr.Filter> filters, List<Stmt> body) implements Stmt {
        public FilterBlock {
            filters = List.copyOf(filters);
            body = List.copyOf(body);
        }
    }

    /** {@code {% with a = 1, b = 2 %}}: targets and values pairwise, in a new scope. */
    record With(Pos pos, List<Expr> targets, List<Expr> values, List<Stmt> body) implements Stmt {
        public With {
            targets = List.copyOf(targets);
            values = List.copyOf(values);
            body = List.copyOf(body);
        }
    }

    /** {@code {% do expr %}}. */
    record Do(Pos pos, Expr expr) implements Stmt {
    }

    record Break(Pos pos) implements Stmt {
    }

    record Continue(Pos pos) implements Stmt {
    }

    /**
     * A block whose body is rendered in place: Jinja's {@code {% block name %}} and
     * {@code {% autoescape %}} (dbt has no template inheritance or escaping).
     */
    record Scoped(Pos pos, String tag, String name, List<Stmt> body) implements Stmt {
        public Scoped {
            body = List.copyOf(body);
        }
    }

    /** dbt's {@code {% docs name %}...{% enddocs %}}: renders nothing; {@code source} is the body's raw text. */
    record Docs(Pos pos, String name, String source, List<Stmt> body) implements Stmt {
        public Docs {
            body = List.copyOf(body);
        }
    }

    /**
     * dbt's {@code {% snapshot name %}body{% endsnapshot %}}: the body renders in place;
     * {@code source} is the body's raw text (dbt keeps it as the snapshot's raw code) and
     * {@code bodyLine} the line it starts on.
     */
    record Snapshot(Pos pos, String name, String source, int bodyLine, List<Stmt> body) implements Stmt {
        public Snapshot {
            body = List.copyOf(body);
        }
    }
}
