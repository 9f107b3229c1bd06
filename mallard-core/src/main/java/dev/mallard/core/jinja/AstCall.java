package dev.mallard.core.jinja;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * A call of a value that is itself the result of an expression, as in
 * {@code adapter.dispatch('name', 'pkg')(args)}; JUEL's grammar only calls names.
 */
final class AstCall extends AstRightValue {
    private final AstNode callee;
    private final AstParameters params;

    AstCall(AstNode callee, AstParameters params) {
        this.callee = callee;
        this.params = params;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object target = callee.eval(bindings, context);
        if (!(target instanceof AbstractCallableMethod callable)) {
            throw new MallardException(ErrorCode.JINJA, "'" + callee + "' is not callable (it is "
                    + PyStr.repr(target) + ")");
        }
        return callable.evaluate(params.eval(bindings, context));
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        callee.appendStructure(builder, bindings);
        params.appendStructure(builder, bindings);
    }

    @Override
    public int getCardinality() {
        return 2;
    }

    @Override
    public AstNode getChild(int i) {
        return i == 0 ? callee : i == 1 ? params : null;
    }

    @Override
    public String toString() {
        return callee + "(...)";
    }
}
