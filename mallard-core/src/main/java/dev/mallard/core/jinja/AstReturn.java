package dev.mallard.core.jinja;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;

/**
 * The {@code return(value)} call. Evaluated in the expression tree rather than as a
 * registered function, because registered functions run through reflection, which would
 * wrap the {@link MacroReturn} into an error Jinjava swallows.
 */
final class AstReturn extends AstFunction {
    AstReturn(String name, int index, AstParameters params) {
        super(name, index, params);
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object value = getParamCount() == 0 ? null : getParam(0).eval(bindings, context);
        throw new MacroReturn(value);
    }
}
