package dev.mallard.core.parse;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a Java model's dependencies and config from its source without compiling it, as dbt
 * reads a Python model's AST: every {@code x.ref("…")} / {@code x.source("…", "…")} call with
 * string literals, and the entries of its {@code @Config} annotation. Uses the JDK's own parser
 * (com.sun.source), loaded only when a project has a Java model.
 */
public final class JavaModelReader {
    private JavaModelReader() {
    }

    /** What a Java model declares. */
    public record Declared(Map<String, Object> config, List<RefCall> refs, List<SourceCall> sources) {
        public Declared {
            refs = List.copyOf(refs);
            sources = List.copyOf(sources);
        }
    }

    /** The system Java compiler, or a clear error when Mallard runs on a runtime without one. */
    public static JavaCompiler compiler(String file) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new MallardException(ErrorCode.PROJECT, "Java model needs a JDK, but Mallard runs on a Java runtime "
                    + "without the compiler (javax.tools)", file, 0, "run Mallard with a full JDK 17 or later", null);
        }
        return javac;
    }

    /** A source held in memory, accepted whatever its public class is named (models are named by their file). */
    public static JavaFileObject sourceObject(String file, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + file.replace('\\', '/').replace(" ", "%20")),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }

            @Override
            public boolean isNameCompatible(String simpleName, JavaFileObject.Kind kind) {
                return true;
            }
        };
    }

    /** Parses {@code text} (the model at project path {@code file}); syntax errors name the file and line. */
    public static Declared read(String file, String text) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) compiler(file).getTask(null, null, diagnostics, List.of("-proc:none"), null,
                List.of(sourceObject(file, text)));
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read Java model: " + e.getMessage(), file, 0);
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                throw new MallardException(ErrorCode.PROJECT, "Java syntax error: " + d.getMessage(null), file,
                        (int) d.getLineNumber());
            }
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        Map<String, Object> config = new LinkedHashMap<>();
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            new TreeScanner<Void, Void>() {
                private int line(Tree t) {
                    return (int) unit.getLineMap().getLineNumber(positions.getStartPosition(unit, t));
                }

                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    if (call.getMethodSelect() instanceof MemberSelectTree select) {
                        String method = select.getIdentifier().toString();
                        int args = call.getArguments().size();
                        if (method.equals("ref") && (args == 1 || args == 2)
                                || method.equals("source") && args == 2) {
                            List<String> literals = literals(call.getArguments(), file, line(call), method);
                            if (method.equals("ref")) {
                                refs.add(args == 1 ? new RefCall(null, literals.get(0), line(call))
                                        : new RefCall(literals.get(0), literals.get(1), line(call)));
                            } else {
                                sources.add(new SourceCall(literals.get(0), literals.get(1), line(call)));
                            }
                        }
                    }
                    return super.visitMethodInvocation(call, unused);
                }

                @Override
                public Void visitAnnotation(AnnotationTree annotation, Void unused) {
                    String type = annotation.getAnnotationType().toString();
                    if (type.equals("Config") || type.equals("dev.mallard.api.Config")) {
                        for (ExpressionTree arg : annotation.getArguments()) {
                            ExpressionTree value = arg instanceof AssignmentTree a ? a.getExpression() : arg;
                            List<? extends ExpressionTree> entries = value instanceof NewArrayTree array
                                    ? array.getInitializers() : List.of(value);
                            for (String entry : literals(entries, file, line(annotation), "@Config")) {
                                config.putAll(configEntry(entry, file, line(annotation)));
                            }
                        }
                    }
                    return super.visitAnnotation(annotation, unused);
                }
            }.scan(unit, null);
        }
        return new Declared(config, refs, sources);
    }

    /** Java models are built as tables (replaced by the atomic swap) or incremental tables. */
    public static void requireSupported(String materialized, String file) {
        if (!"table".equals(materialized) && !"incremental".equals(materialized)) {
            throw new MallardException(ErrorCode.PROJECT, "a Java model cannot be materialized as '" + materialized
                    + "'", file, 0, "use materialized: table (the default) or incremental", null);
        }
    }

    private static List<String> literals(List<? extends ExpressionTree> args, String file, int line, String what) {
        List<String> out = new ArrayList<>();
        for (ExpressionTree arg : args) {
            if (!(arg instanceof LiteralTree lit) || !(lit.getValue() instanceof String s)) {
                throw new MallardException(ErrorCode.PROJECT, what + "(...) in a Java model takes string literals only, "
                        + "found: " + arg, file, line, "Mallard finds a Java model's dependencies and config without "
                        + "running it, as dbt does for Python models: write the names as \"...\" literals", null);
            }
            out.add(s);
        }
        return out;
    }

    private static Map<String, Object> configEntry(String entry, String file, int line) {
        Object parsed;
        try {
            parsed = new Yaml().load(entry);
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, "@Config entry \"" + entry + "\" is not \"key: value\"",
                    file, line, "write each entry as YAML, e.g. \"materialized: table\" or \"tags: [a, b]\"", null);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
