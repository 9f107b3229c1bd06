package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.util.List;
import java.util.Map;

/** A macro that stops at {@code return(value)} and yields that value instead of its text. */
final class DbtMacroFunction extends MacroFunction {

    DbtMacroFunction(MacroFunction source) {
        super(source, source.getName());
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        int line = interpreter.getLineNumber();
        int position = interpreter.getPosition();
        DbtInterpreter tracked = interpreter instanceof DbtInterpreter d ? d : null;
        if (tracked != null) {
            tracked.enterMacro(getName(), line);
        }
        try {
            return super.doEvaluate(argMap, kwargMap, varArgs);
        } catch (MacroReturn r) {
            return r.value();
        } finally {
            if (tracked != null) {
                tracked.exitMacro();
            }
            // Jinjava leaves the macro's own line behind; errors after the call belong to the caller's line
            interpreter.setLineNumber(line);
            interpreter.setPosition(position);
        }
    }

    @Override
    public MacroFunction cloneWithNewName(String name) {
        return new DbtMacroFunction(new MacroFunction(this, name));
    }
}
