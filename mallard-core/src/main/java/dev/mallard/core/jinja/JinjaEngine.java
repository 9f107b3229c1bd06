package dev.mallard.core.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava configured as dbt's Jinja: dbt's global functions and objects, Python string,
 * list and dict methods, {@code %} formatting, {@code return()}, dbt's extra tags, and the
 * project's macros. Macro files are rendered once, into a context every render shares.
 * Thread-safe: each render gets its own interpreter and context.
 */
public final class JinjaEngine {
    static final String STATEMENTS_KEY = "__mallard_statements__";
    static final String SNAPSHOTS_KEY = "__mallard_snapshots__";

    private final Jinjava jinjava;
    private final Context macroContext;
    private final Map<String, String> macroFiles = new ConcurrentHashMap<>();
    private final Map<String, Object> defaults;

    public JinjaEngine(List<TemplateFile> macroSources) {
        this(macroSources, Set.of());
    }

    /**
     * An engine whose macros may also be called through package namespaces, e.g. the
     * project's own name and its installed packages ({@code dbt_utils.star(...)}).
     */
    public JinjaEngine(List<TemplateFile> macroSources, Set<String> packageNames) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(false)
                .withNestedInterpretationEnabled(false)
                .withTrimBlocks(false)
                .withLstripBlocks(false)
                .withElResolver(PyMethodResolver.chain())
                // Python's Jinja lets macros recurse (tree walks, flattening); Jinjava forbids it by default
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(200)
                // Python Jinja semantics where Jinjava's defaults differ: values print as Python
                // prints them, operators bind as in Python, `{{ -7 }}` is a negative number
                .withLegacyOverrides(com.hubspot.jinjava.LegacyOverrides.newBuilder()
                        .withUsePyishObjectMapper(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withEvaluateMapKeys(true)
                        .withIterateOverMapKeys(true)
                        .withKeepNullableLoopValues(true)
                        .build())
                .build();
        ExpressionFactory expressions = new DbtExpressionFactory();
        this.jinjava = new Jinjava(config) {
            @Override
            public ExpressionFactory getExpressionFactory() {
                return expressions;
            }
        };
        Context global = jinjava.getGlobalContext();
        DbtGlobals.register(global, packageNames);
        this.macroContext = new SharedContext(global);
        this.defaults = Map.of(
                "run_started_at", PyDatetime.of(ZonedDateTime.now(java.time.ZoneOffset.UTC)),
                "invocation_id", UUID.randomUUID().toString());
        for (TemplateFile file : macroSources) {
            defineMacros(file);
        }
    }

    private void defineMacros(TemplateFile file) {
        Set<String> before = Set.copyOf(macroContext.getGlobalMacros().keySet());
        DbtInterpreter interpreter = new DbtInterpreter(jinjava, macroContext, file.path(), macroFiles::get);
        run(interpreter, file.path(), () -> interpreter.render(file.text()));
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
        return renderForResult(template, runtime, extra).output();
    }

    /** Renders a template and also reports what its tags declared (snapshot blocks). */
    public Rendered renderForResult(TemplateFile template, DbtRuntime runtime, Map<String, Object> extra) {
        Map<String, Object> bindings = bindings(runtime, extra);
        List<SnapshotBlock> snapshots = new ArrayList<>(1);
        bindings.put(SNAPSHOTS_KEY, snapshots);
        Context ctx = new RenderContext(macroContext, bindings);
        DbtInterpreter interpreter = new DbtInterpreter(jinjava, ctx, template.path(), macroFiles::get);
        String out = run(interpreter, template.path(), () -> interpreter.render(template.text()));
        return new Rendered(out, snapshots);
    }

    /** Calls a project macro by name, returning its return() value or its rendered text. */
    public Object callMacro(String name, List<Object> args, Map<String, Object> kwargs, DbtRuntime runtime,
                            Map<String, Object> extra) {
        MacroFunction macro = macroContext.getGlobalMacro(name);
        if (macro == null) {
            throw new MallardException(ErrorCode.JINJA, "macro '" + name + "' is not defined");
        }
        Context ctx = new RenderContext(macroContext, bindings(runtime, extra));
        String file = macroFile(name);
        DbtInterpreter interpreter = new DbtInterpreter(jinjava, ctx, file, macroFiles::get);
        // evaluate() maps positional and keyword arguments onto the macro's parameters
        List<Object> params = new ArrayList<>(args);
        kwargs.forEach((k, v) -> params.add(new NamedParameter(k, v)));
        return run(interpreter, file, () -> macro.evaluate(params.toArray()));
    }

    private interface Body<T> {
        T run();
    }

    private static <T> T run(DbtInterpreter interpreter, String file, Body<T> body) {
        JinjavaInterpreter.pushCurrent(interpreter);
        T out;
        try {
            out = body.run();
        } catch (TemplateAbort abort) {
            throw abort.error();
        } catch (MacroReturn r) {
            throw new MallardException(ErrorCode.JINJA, "return() is only allowed inside a macro", file,
                    interpreter.getLineNumber());
        } catch (MallardException e) {
            throw e.locatedAt(file, interpreter.getLineNumber());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        // DbtInterpreter throws on fatal errors; this catches any Jinjava records another way
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new MallardException(ErrorCode.JINJA, error.getMessage(), file, error.getLineno());
            }
        }
        return out;
    }

    private Map<String, Object> bindings(DbtRuntime runtime, Map<String, Object> extra) {
        Map<String, Object> b = new HashMap<>(defaults);
        b.put(DbtFunctions.RUNTIME_KEY, runtime);
        b.put(STATEMENTS_KEY, new HashMap<String, Object>());
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

    /** A render's output and the snapshot blocks it declared. */
    public record Rendered(String output, List<SnapshotBlock> snapshots) {
        public Rendered {
            snapshots = List.copyOf(snapshots);
        }
    }

    /** A {@code {% snapshot name %}} block: its name, rendered body and line. */
    public record SnapshotBlock(String name, String sql, int line) {
    }
}
