package dev.mallard.core.jinja;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * Jinjava's expression factory with dbt's Python-isms added to the grammar: {@code %} is
 * Python's operator (string formatting when the left side is a string, modulo otherwise),
 * {@code +}/{@code -} know dates, {@code return(x)} stops a macro, and any value can be
 * called ({@code adapter.dispatch('m')(args)}). Parsed trees are cached by the factory,
 * so the glue costs nothing per render.
 */
final class DbtExpressionFactory extends ExpressionFactoryImpl {

    DbtExpressionFactory() {
        super(new Properties(), new TruthyTypeConverter());
    }

    @Override
    protected TreeBuilder createTreeBuilder(Properties properties, Builder.Feature... features) {
        return new DbtSyntaxBuilder(features);
    }

    /** Builds {@link DbtParser}s; JUEL asks the builder for a parser per expression. */
    static final class DbtSyntaxBuilder extends ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;

        DbtSyntaxBuilder(Builder.Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new DbtParser(this, expression);
        }
    }

    /**
     * JUEL's parser builds every {@code %} through createAstBinary and every call through
     * createAstFunction, so swapping the nodes there is enough.
     */
    static final class DbtParser extends ExtendedParser {
        DbtParser(Builder builder, String input) {
            super(builder, input);
        }

        @Override
        protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
            if (operator == AstBinary.MOD) {
                return super.createAstBinary(left, right, PercentOperator.INSTANCE);
            }
            if (operator == AstBinary.SUB || operator == AdditionOperator.OP) {
                return super.createAstBinary(left, right, new TemporalOperator(operator, operator == AstBinary.SUB));
            }
            return super.createAstBinary(left, right, operator);
        }

        /** A value followed by an argument list is a call of that value. */
        @Override
        protected AstNode value() throws Scanner.ScanException, ParseException {
            AstNode v = super.value();
            while (v != null && getToken() != null && getToken().getSymbol() == Scanner.Symbol.LPAREN) {
                v = new AstCall(v, params());
            }
            return v;
        }

        @Override
        protected AstFunction createAstFunction(String name, int index, AstParameters params) {
            if ("return".equals(name)) {
                return new AstReturn(name, index, params);
            }
            return super.createAstFunction(name, index, params);
        }
    }
}
