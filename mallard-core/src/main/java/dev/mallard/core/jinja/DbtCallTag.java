package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.LinkedHashMap;

/**
 * {@code {% call macro(...) %}body{% endcall %}}, plus the {@code {% call(args) macro(...) %}}
 * form Jinjava lacks, where the body receives arguments from {@code caller(...)}.
 */
final class DbtCallTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "call";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        String helpers = tagNode.getHelpers().trim();
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        if (helpers.startsWith("(")) {
            int close = matchingParen(helpers);
            args = MacroSignature.parse("caller" + helpers.substring(0, close + 1), interpreter, "call").args();
            helpers = helpers.substring(close + 1).trim();
        }
        try (JinjavaInterpreter.InterpreterScopeClosable c = interpreter.enterNonStackingScope()) {
            MacroFunction caller = new MacroFunction(tagNode.getChildren(), "caller", args, true,
                    interpreter.getContext(), interpreter.getLineNumber(), interpreter.getPosition());
            interpreter.getContext().addGlobalMacro(caller);
            // resolved in place rather than re-rendered, so errors keep this tag's line number
            Object out = interpreter.resolveELExpression(helpers, tagNode.getLineNumber());
            return out == null ? "" : out.toString();
        }
    }

    private static int matchingParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }
}
