package dev.mallard.core.jinja;

import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/** Python's {@code %}: printf-style formatting for a string on the left, modulo for numbers. */
final class PercentOperator extends AstBinary.SimpleOperator {
    static final PercentOperator INSTANCE = new PercentOperator();

    private PercentOperator() {
    }

    @Override
    protected Object apply(TypeConverter converter, Object left, Object right) {
        if (left instanceof CharSequence format) {
            return PercentFormat.format(format.toString(), right);
        }
        if (isIntegral(left) && isIntegral(right)) {
            // Python floors the result, so -7 % 3 is 2 (JUEL would say -1)
            return Math.floorMod(((Number) left).longValue(), ((Number) right).longValue());
        }
        return NumberOperations.mod(converter, left, right);
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte;
    }

    @Override
    public String toString() {
        return "%";
    }
}
