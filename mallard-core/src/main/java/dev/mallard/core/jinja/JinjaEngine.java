package dev.mallard.core.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinjava configured as dbt's Jinja: dbt's global functions and the project's macros.
 * Thread-safe: each render gets its own interpreter and context.
 */
public final class JinjaEngine {
    private final Jinjava jinjava;
    private final Context macroContext;
    private final Map<String, String> macroFiles = new HashMap<>();

    public JinjaEngine(List<TemplateFile> macroSources) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(false)
                .withNestedInterpretationEnabled(false)
                .withTrimBlocks(false)
                .withLstripBlocks(false)
                .build();
        this.jinjava = new Jinjava(config);
        Context global = jinjava.getGlobalContext();
        for (String fn : List.of("ref", "source", "config", "var", "env_var", "log")) {
            global.registerFunction(new ELFunctionDefinition("", fn, DbtFunctions.class, fn, Object[].class));
        }
        global.registerFunction(new ELFunctionDefinition("", "is_incremental", DbtFunctions.class, "is_incremental"));
        global.registerFunction(new ELFunctionDefinition("", "print", DbtFunctions.class, "print", Object.class));
        global.registerFunction(new ELFunctionDefinition("", "run_query", DbtFunctions.class, "run_query", Object.class));
        this.macroContext = new Context(global);
        for (TemplateFile file : macroSources) {
            defineMacros(file);
        }
    }

    private void defineMacros(TemplateFile file) {
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, macroContext, jinjava.getGlobalConfig());
        Set<String> before = Set.copyOf(macroContext.getGlobalMacros().keySet());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            interpreter.render(file.text());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        failOnErrors(interpreter, file.path());
        for (String name : macroContext.getGlobalMacros().keySet()) {
            if (!before.contains(name)) {
                macroFiles.put(name, file.path());
            }
        }
    }

    public boolean hasMacro(String name) {
        return macroContext.isGlobalMacro(name);
    }

    /** The file a project macro was defined in, or null. */
    public String macroFile(String name) {
        return macroFiles.get(name);
    }

    public Set<String> macroNames() {
        return Set.copyOf(macroContext.getGlobalMacros().keySet());
    }

    /** Renders a template with the dbt context bound to {@code runtime}. */
    public String render(TemplateFile template, DbtRuntime runtime, Map<String, Object> extra) {
        Context ctx = new Context(macroContext, bindings(runtime, extra));
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, ctx, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        String out;
        try {
            out = interpreter.render(template.text());
        } catch (MallardException e) {
            throw e.locatedAt(template.path(), interpreter.getLineNumber());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        failOnErrors(interpreter, template.path());
        return out;
    }

    /** Calls a project macro by name with positional arguments, returning its rendered output. */
    public Object callMacro(String name, List<Object> args, Map<String, Object> kwargs, DbtRuntime runtime,
                            Map<String, Object> extra) {
        MacroFunction macro = macroContext.getGlobalMacro(name);
        if (macro == null) {
            throw new MallardException(ErrorCode.JINJA, "macro '" + name + "' is not defined");
        }
        Context ctx = new Context(macroContext, bindings(runtime, extra));
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, ctx, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        Object out;
        try {
            out = macro.doEvaluate(new HashMap<>(), new HashMap<>(kwargs), new java.util.ArrayList<>(args));
        } catch (MallardException e) {
            throw e.locatedAt(macroFile(name), interpreter.getLineNumber());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        failOnErrors(interpreter, macroFile(name));
        return out;
    }

    private Map<String, Object> bindings(DbtRuntime runtime, Map<String, Object> extra) {
        Map<String, Object> b = new HashMap<>();
        b.put(DbtFunctions.RUNTIME_KEY, runtime);
        b.put("execute", runtime.execute());
        b.put("config", new ConfigObject(runtime));
        b.put("target", runtime.target());
        RelationValue self = runtime.thisRelation();
        if (self != null) {
            b.put("this", self);
        }
        if (extra != null) {
            b.putAll(extra);
        }
        return b;
    }

    private static void failOnErrors(JinjavaInterpreter interpreter, String file) {
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                Throwable cause = error.getException();
                while (cause != null && !(cause instanceof MallardException) && cause.getCause() != null
                        && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                if (cause instanceof MallardException me) {
                    throw me.locatedAt(file, error.getLineno());
                }
                throw new MallardException(ErrorCode.JINJA, error.getMessage(), file, error.getLineno());
            }
        }
    }
}
