package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.LinkedHashMap;
import java.util.List;

/** The block tags dbt adds to Jinja: test, materialization, snapshot and docs. */
final class DbtTags {
    private DbtTags() {
    }

    static List<Tag> all() {
        return List.of(new TestTag(), new MaterializationTag(), new SnapshotTag(), new DocsTag());
    }

    private static void define(TagNode tagNode, JinjavaInterpreter interpreter, String name,
                               LinkedHashMap<String, Object> args) {
        MacroFunction macro = new MacroFunction(tagNode.getChildren(), name, args, false, interpreter.getContext(),
                tagNode.getLineNumber(), tagNode.getStartPosition());
        interpreter.getContext().addGlobalMacro(new DbtMacroFunction(macro));
    }

    /** {@code {% test name(model, column_name) %}}: a generic test, defined as macro {@code test_<name>}. */
    static final class TestTag implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            MacroSignature sig = MacroSignature.parse(tagNode.getHelpers(), interpreter, "test");
            define(tagNode, interpreter, "test_" + sig.name(), sig.args());
            return "";
        }
    }

    /**
     * {@code {% materialization name, adapter='duckdb' %}} (or {@code , default}): defined as
     * macro {@code materialization_<name>_<adapter>}; Mallard's own materializations run
     * instead, so the body is kept but not executed.
     */
    static final class MaterializationTag implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "materialization";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            List<String> parts = MacroSignature.splitTopLevel(tagNode.getHelpers());
            if (parts.isEmpty() || !parts.get(0).trim().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new MallardException(ErrorCode.JINJA, "{% materialization %} needs a name");
            }
            String adapter = "default";
            for (String part : parts.subList(1, parts.size())) {
                String p = part.trim();
                if (p.startsWith("adapter")) {
                    adapter = p.substring(p.indexOf('=') + 1).trim().replaceAll("^['\"]|['\"]$", "");
                }
            }
            define(tagNode, interpreter, "materialization_" + parts.get(0).trim() + "_" + adapter,
                    new LinkedHashMap<>());
            return "";
        }
    }

    /**
     * {@code {% snapshot name %}select ...{% endsnapshot %}}: renders the body and records the
     * block for the snapshot loader.
     */
    static final class SnapshotTag implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "snapshot";
        }

        @Override
        @SuppressWarnings("unchecked")
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            String name = tagNode.getHelpers().trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new MallardException(ErrorCode.JINJA, "bad {% snapshot %} name: '" + name + "'");
            }
            StringBuilder sql = new StringBuilder();
            for (Node child : tagNode.getChildren()) {
                sql.append(child.render(interpreter).getValue());
            }
            Object blocks = interpreter.getContext().get(JinjaEngine.SNAPSHOTS_KEY);
            if (blocks instanceof List<?> list) {
                ((List<JinjaEngine.SnapshotBlock>) list).add(
                        new JinjaEngine.SnapshotBlock(name, sql.toString(), tagNode.getLineNumber()));
            }
            return sql.toString();
        }
    }

    /** {@code {% docs name %}...{% enddocs %}}: documentation, read from .md files elsewhere; renders nothing. */
    static final class DocsTag implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "docs";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            return "";
        }
    }
}
