package dev.mallard.jinja.ast;

import java.util.List;

/**
 * Expression nodes, one record per form of Jinja2's expression grammar. Operators are kept
 * as their source spelling ({@code "+"}, {@code "//"}, {@code "not in"}) so the evaluator
 * and error messages use the same words as the template.
 */
public sealed interface Expr {
    Pos pos();

    /** A literal: {@code String}, {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} or null (None). */
    record Const(Pos pos, Object value) implements Expr {
    }

    record Name(Pos pos, String name) implements Expr {
    }

    record TupleLit(Pos pos, List<Expr> items) implements Expr {
        public TupleLit {
            items = List.copyOf(items);
        }
    }

    record ListLit(Pos pos, List<Expr> items) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    /** {@code {k: v, ...}}: keys and values in source order. */
    record DictLit(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {
        public DictLit {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** {@code obj.attr}: attribute first, then item (Jinja's getattr). {@code x.0} parses as {@link GetItem}. */
    record GetAttr(Pos pos, Expr obj, String attr) implements Expr {
    }

    /** {@code obj[key]}: item first, then attribute (Jinja's getitem). The key may be a {@link Slice}. */
    record GetItem(Pos pos, Expr obj, Expr key) implements Expr {
    }

    /** {@code start:stop:step} inside a subscript; absent parts are null. */
    record Slice(Pos pos, Expr start, Expr stop, Expr step) implements Expr {
    }

    /** A keyword argument {@code name=value}. */
    record Kwarg(String name, Expr value) {
    }

    /**
     * Arguments of a call, filter or test: positional, keyword, {@code *args} and {@code **kwargs}
     * (the last two null when absent).
     */
    record Args(List<Expr> positional, List<Kwarg> keywords, Expr starArgs, Expr starKwargs) {
        public static final Args NONE = new Args(List.of(), List.of(), null, null);

        public Args {
            positional = List.copyOf(positional);
            keywords = List.copyOf(keywords);
        }
    }

    record Call(Pos pos, Expr fn, Args args) implements Expr {
    }

    /** {@code input | name(args)}; input is null for the filters of a filter block or block set. */
    record Filter(Pos pos, Expr input, String name, Args args) implements Expr {
    }

    /** {@code input is name(args)}; {@code is not} parses as {@link Not} around the test. */
    record Test(Pos pos, Expr input, String name, Args args) implements Expr {
    }

    record Not(Pos pos, Expr operand) implements Expr {
    }

    /** Unary {@code -} or {@code +}. */
    record Unary(Pos pos, String op, Expr operand) implements Expr {
    }

    /** {@code + - * / // % **} and {@code ~}. */
    record Binary(Pos pos, String op, Expr left, Expr right) implements Expr {
    }

    /** {@code and} / {@code or}, short-circuit, yielding an operand as Python does. */
    record Logical(Pos pos, String op, Expr left, Expr right) implements Expr {
    }

    /**
     * A comparison chain {@code a < b <= c}: ops are {@code == != < <= > >= in "not in"}; each op
     * compares the previous operand with the next.
     */
    record Compare(Pos pos, Expr first, List<String> ops, List<Expr> rest) implements Expr {
        public Compare {
            ops = List.copyOf(ops);
            rest = List.copyOf(rest);
        }
    }

    /** {@code then if test else otherwise}; otherwise is null when the else part is absent. */
    record Cond(Pos pos, Expr test, Expr then, Expr otherwise) implements Expr {
    }
}
