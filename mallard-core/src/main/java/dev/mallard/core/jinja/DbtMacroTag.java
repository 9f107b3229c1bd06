package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.lib.tag.MacroTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.LinkedHashMap;

/** Jinjava's {@code macro} tag, producing macros that honour {@code return()}. */
final class DbtMacroTag extends MacroTag {
    private static final long serialVersionUID = 1L;

    @Override
    protected MacroFunction constructMacroFunction(TagNode tagNode, JinjavaInterpreter interpreter, String name,
                                                   LinkedHashMap<String, Object> argNamesWithDefaults) {
        return new DbtMacroFunction(super.constructMacroFunction(tagNode, interpreter, name, argNamesWithDefaults));
    }
}
