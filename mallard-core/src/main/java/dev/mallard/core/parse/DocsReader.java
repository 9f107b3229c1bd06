package dev.mallard.core.parse;

import dev.mallard.core.common.TextFiles;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.project.SourceFile;
import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.eval.Renderer;
import dev.mallard.jinja.lib.Library;
import dev.mallard.jinja.parser.Parser;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code {% docs name %}...{% enddocs %}} blocks and resolves {@code doc('name')} in descriptions. */
final class DocsReader {
    private static final Library LIBRARY = Library.standard();

    private DocsReader() {
    }

    static Map<String, DocBlock> read(List<SourceFile> files, String packageName) {
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (SourceFile f : files) {
            String text = TextFiles.readUtf8(f.absolute(), f.relativeToProject());
            TemplateAst ast;
            try {
                ast = Parser.parse(f.relativeToProject(), text);
            } catch (TemplateError e) {
                throw new MallardException(ErrorCode.JINJA, e.getMessage(), e.file(), e.line());
            }
            for (Stmt s : ast.body()) {
                if (!(s instanceof Stmt.Docs d)) {
                    continue;
                }
                String id = "doc." + packageName + "." + d.name();
                if (docs.containsKey(id)) {
                    throw new MallardException(ErrorCode.DUPLICATE_NODE, "docs block '" + d.name()
                            + "' is defined twice (also in " + docs.get(id).originalFilePath() + ")",
                            f.relativeToProject(), d.pos().line());
                }
                docs.put(id, new DocBlock(id, d.name(), packageName, f.relativeToRoot(), f.relativeToProject(),
                        d.source().strip()));
            }
        }
        return docs;
    }

    /** Renders a description's {@code {{ doc('x') }}} calls (dbt's {@code doc(name)} and {@code doc(package, name)}). */
    static String resolve(String description, Map<String, DocBlock> docs, String packageName, String file) {
        if (description == null || !description.contains("{")) {
            return description;
        }
        TemplateAst ast;
        try {
            ast = Parser.parse(file, description);
        } catch (TemplateError e) {
            return description;
        }
        PyCallable doc = (site, args) -> {
            String first = Py.str(args.require(0, "name", "doc"));
            String pkg = args.size() > 1 ? first : packageName;
            String name = args.size() > 1 ? Py.str(args.positional().get(1)) : first;
            DocBlock block = docs.get("doc." + pkg + "." + name);
            if (block == null) {
                throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, "documentation '" + name + "' was not found",
                        file, 0, "define it in a .md file with {% docs " + name + " %}...{% enddocs %}", null);
            }
            return block.blockContents();
        };
        Map<String, Object> builtins = LIBRARY.globals();
        try {
            return new Renderer(LIBRARY, n -> "doc".equals(n) ? doc : builtins.getOrDefault(n, Py.NOT_FOUND), true)
                    .render(ast);
        } catch (TemplateError e) {
            if (e.getCause() instanceof MallardException me) {
                throw me;
            }
            return description;
        }
    }
}
