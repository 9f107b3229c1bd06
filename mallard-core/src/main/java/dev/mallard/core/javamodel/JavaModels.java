package dev.mallard.core.javamodel;

import dev.mallard.api.JavaModel;
import dev.mallard.api.ModelOutput;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.DbtRuntime;
import dev.mallard.core.manifest.ModelNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Builds Java models: compiles them (cached under target/java_models/), runs one with the
 * node's runtime and turns what it returns into the SQL its materialization runs, so the
 * model goes through the same atomic swap as a SQL model.
 */
public final class JavaModels {
    private final Path classesDir;
    private final Path rowsDir;
    /** Made on first use: a project without Java models loads no compiler classes. */
    private volatile JavaModelCompiler compiler;
    private final Map<String, Path> rowsFiles = new ConcurrentHashMap<>();

    /** Java models of the project whose target folder is {@code targetDir}. */
    public JavaModels(Path targetDir) {
        Path root = targetDir.resolve("java_models");
        this.classesDir = root.resolve("classes");
        this.rowsDir = root.resolve("rows");
    }

    /** Whether {@code model} is written in Java. */
    public static boolean isJava(ModelNode model) {
        return model.originalFilePath().endsWith(".java");
    }

    /**
     * Compiles every Java model among {@code models} that is not cached, before anything is
     * built, so that a compile error stops the run with no data changed. All errors are reported.
     */
    public void compileAll(Collection<ModelNode> models) {
        List<String> errors = new ArrayList<>();
        MallardException first = null;
        for (ModelNode m : models) {
            if (!isJava(m) || !compiler().needsCompile(m)) {
                continue;
            }
            try {
                compiler().load(m);
            } catch (MallardException e) {
                first = first == null ? e : first;
                errors.add(e.getMessage());
            }
        }
        if (errors.size() == 1) {
            throw first;
        }
        if (!errors.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, String.join("\n", errors), first.file(), first.line());
        }
    }

    /**
     * Runs {@code model} with {@code runtime} and returns the select its materialization runs.
     * Rows it writes stay in a file until {@link #release} with the same {@code key}.
     */
    public String run(ModelNode model, DbtRuntime runtime, Consumer<String> logger, String key) {
        Class<? extends JavaModel> type = compiler().load(model);
        release(key);
        Path rowsFile = rowsDir.resolve(model.name() + "-" + UUID.randomUUID() + ".ndjson");
        JavaModelContext ctx = new JavaModelContext(model, type.getName(), runtime, logger, rowsFile);
        ModelOutput output;
        try {
            try {
                output = type.getDeclaredConstructor().newInstance().run(ctx);
            } catch (InvocationTargetException e) {
                throw failure(model, type, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new MallardException(ErrorCode.PROJECT, "Java model '" + model.name() + "': cannot create "
                        + type.getName() + " (" + e + ")", model.originalFilePath(), 0,
                        "give the class a public constructor without arguments", null);
            } catch (MallardException e) {
                throw e;
            } catch (Exception | LinkageError | StackOverflowError e) {
                throw failure(model, type, e);
            }
        } finally {
            if (ctx.writer() != null) {
                ctx.writer().close();
                rowsFiles.put(key, rowsFile);
            }
        }
        if (output instanceof ModelOutput.Query q) {
            return q.select();
        }
        if (output != null && output == ctx.writer()) {
            return ctx.writer().select();
        }
        throw new MallardException(ErrorCode.NODE_FAILED, "Java model '" + model.name() + "' returned "
                + (output == null ? "null" : "a " + output.getClass().getName()) + ", not a query or its rows() writer",
                model.originalFilePath(), 0, "return ModelOutput.query(\"select ...\") or the RowWriter from ctx.rows(...)",
                null);
    }

    private JavaModelCompiler compiler() {
        JavaModelCompiler c = compiler;
        if (c == null) {
            synchronized (this) {
                if (compiler == null) {
                    compiler = new JavaModelCompiler(classesDir);
                }
                c = compiler;
            }
        }
        return c;
    }

    /** Deletes the rows file the run under {@code key} wrote, if any. */
    public void release(String key) {
        Path file = rowsFiles.remove(key);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left for the next run's target folder clean-up
            }
        }
    }

    /** The model's exception as a node failure, at the model's line where the stack trace passes through it. */
    private static MallardException failure(ModelNode model, Class<?> type, Throwable e) {
        if (e instanceof MallardException m) {
            return m;
        }
        int line = 0;
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(type.getName()) || frame.getClassName().startsWith(type.getName() + "$")) {
                line = Math.max(frame.getLineNumber(), 0);
                break;
            }
        }
        String what = e.getClass().getName().startsWith("java.") ? e.getClass().getSimpleName() : e.getClass().getName();
        return new MallardException(ErrorCode.NODE_FAILED, "Java model '" + model.name() + "' failed: " + what
                + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                model.originalFilePath(), line, null, e);
    }
}
