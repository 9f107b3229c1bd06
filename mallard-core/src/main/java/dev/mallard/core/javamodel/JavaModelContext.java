package dev.mallard.core.javamodel;

import dev.mallard.api.Column;
import dev.mallard.api.ModelContext;
import dev.mallard.api.RowWriter;
import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.jinja.DbtRuntime;
import dev.mallard.core.jinja.RelationValue;
import dev.mallard.core.manifest.ModelNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Java model's view of the run, over the same runtime a SQL model renders with: refs resolve
 * as they would in Jinja (deferral, --empty, a unit test's fixtures), queries run on the
 * worker's session.
 */
final class JavaModelContext implements ModelContext {
    private final ModelNode model;
    private final DbtRuntime runtime;
    private final Consumer<String> logger;
    private final Path rowsFile;
    private JsonRowWriter writer;
    /** The model's class name, to find its lines in a stack trace. */
    private final String modelClass;

    JavaModelContext(ModelNode model, String modelClass, DbtRuntime runtime, Consumer<String> logger, Path rowsFile) {
        this.model = model;
        this.modelClass = modelClass;
        this.runtime = runtime;
        this.logger = logger;
        this.rowsFile = rowsFile;
    }

    @Override
    public String ref(String name) {
        return ref(null, name);
    }

    @Override
    public String ref(String packageName, String name) {
        return rendered(runtime.ref(packageName, name));
    }

    @Override
    public String source(String sourceName, String tableName) {
        return rendered(runtime.source(sourceName, tableName));
    }

    @Override
    public String self() {
        return runtime.thisRelation().render();
    }

    private static String rendered(Object relation) {
        return relation instanceof RelationValue r ? r.render() : String.valueOf(relation);
    }

    @Override
    public Map<String, Object> config() {
        return Frozen.map(model.config().values());
    }

    @Override
    public Object var(String name) {
        return runtime.var(name, null, false);
    }

    @Override
    public Object var(String name, Object defaultValue) {
        return runtime.var(name, defaultValue, true);
    }

    @Override
    public boolean isIncremental() {
        return runtime.isIncremental();
    }

    @Override
    public List<Map<String, Object>> sql(String query) {
        QueryResult result;
        try {
            result = runtime.runQuery(query);
        } catch (RuntimeException e) {
            // the statement is the model's, so is the line: where the model called sql()
            throw new MallardException(ErrorCode.SQL, "Java model '" + model.name() + "': ctx.sql() failed: "
                    + e.getMessage(), model.originalFilePath(), callerLine(), null, e);
        }
        List<String> names = result.columnNames();
        List<Map<String, Object>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), row.get(i));
            }
            rows.add(java.util.Collections.unmodifiableMap(m));
        }
        return java.util.Collections.unmodifiableList(rows);
    }

    /** The line of the model's own code in the current stack, or 0. */
    private int callerLine() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String c = frame.getClassName();
            if (c.equals(modelClass) || c.startsWith(modelClass + "$")) {
                return Math.max(frame.getLineNumber(), 0);
            }
        }
        return 0;
    }

    @Override
    public RowWriter rows(Column... columns) {
        if (writer != null) {
            throw new IllegalStateException("rows() may be called once per build of a Java model");
        }
        writer = new JsonRowWriter(rowsFile, List.of(columns));
        return writer;
    }

    @Override
    public void log(String message) {
        logger.accept(message);
    }

    /** The writer rows() handed out, or null; closed (and its file deleted) by the caller. */
    JsonRowWriter writer() {
        return writer;
    }
}
