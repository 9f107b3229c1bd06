package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * {@code +} and {@code -} with Python's date arithmetic (datetime ± timedelta, date ±
 * timedelta, datetime - datetime); everything else goes to Jinjava's own operator.
 */
final class TemporalOperator implements AstBinary.Operator {
    private final AstBinary.Operator delegate;
    private final boolean subtract;

    TemporalOperator(AstBinary.Operator delegate, boolean subtract) {
        this.delegate = delegate;
        this.subtract = subtract;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
        Object a = left.eval(bindings, context);
        Object b = right.eval(bindings, context);
        if (a instanceof PyDatetime || a instanceof PyDate || a instanceof PyTimedelta) {
            return temporal(a, b);
        }
        if (!subtract && b instanceof PyTimedelta && (a instanceof PyDatetime || a instanceof PyDate)) {
            return temporal(b, a);
        }
        // the operands are evaluated already; hand the values over so nothing runs twice
        return delegate.eval(bindings, context, new Value(a), new Value(b));
    }

    private Object temporal(Object a, Object b) {
        if (b instanceof PyTimedelta delta) {
            java.time.Duration d = subtract ? delta.value().negated() : delta.value();
            if (a instanceof PyDatetime dt) {
                return dt.plus(d);
            }
            if (a instanceof PyDate date) {
                return new PyDate(date.value().plusDays(d.toDays()));
            }
            return new PyTimedelta(((PyTimedelta) a).value().plus(d));
        }
        if (subtract && a instanceof PyDatetime x && b instanceof PyDatetime y) {
            return new PyTimedelta(x.minus(y));
        }
        if (subtract && a instanceof PyDate x && b instanceof PyDate y) {
            return new PyTimedelta(java.time.Duration.ofDays(y.value().until(x.value(), java.time.temporal.ChronoUnit.DAYS)));
        }
        throw new MallardException(ErrorCode.JINJA, "TypeError: unsupported operand types for " + this + ": "
                + PyStr.repr(a) + " and " + PyStr.repr(b));
    }

    @Override
    public String toString() {
        return subtract ? "-" : "+";
    }

    /** An already evaluated operand. */
    private static final class Value extends AstRightValue {
        private final Object value;

        Value(Object value) {
            this.value = value;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return value;
        }

        @Override
        public void appendStructure(StringBuilder builder, Bindings bindings) {
            builder.append(value);
        }

        @Override
        public int getCardinality() {
            return 0;
        }

        @Override
        public AstNode getChild(int i) {
            return null;
        }
    }
}
