package dev.mallard.jinja;

import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.eval.Renderer;
import dev.mallard.jinja.lib.Library;
import dev.mallard.jinja.parser.Parser;
import dev.mallard.jinja.value.Py;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python's Jinja2 3.1 as dbt-core configures it (extensions do and loopcontrols, dbt's
 * test/materialization/docs/snapshot tags, no autoescape, default whitespace handling),
 * written for Mallard because no Java library evaluates Jinja2 with Python's grammar and
 * value semantics. Templates are parsed once and cached by name and text. Thread-safe.
 */
public final class Environment {
    private final Library library;
    private final Map<String, TemplateAst> cache = new ConcurrentHashMap<>();

    public Environment() {
        this(Library.standard());
    }

    public Environment(Library library) {
        this.library = library;
    }

    public Library library() {
        return library;
    }

    /** Parses (or returns the cached parse of) a template; a syntax error is a {@link TemplateError}. */
    public TemplateAst parse(String name, String source) {
        TemplateAst cached = cache.get(name);
        if (cached != null && cached.source().equals(source)) {
            return cached;
        }
        TemplateAst ast = Parser.parse(name, source);
        cache.put(name, ast);
        return ast;
    }

    /** Renders with {@code vars} as the template's variables and Jinja2's default Undefined. */
    public String render(TemplateAst template, Map<String, Object> vars) {
        return renderer(globals(vars), false).render(template);
    }

    /** A renderer over the given globals; lenient makes undefined values absorb attribute reads and calls. */
    public Renderer renderer(Globals globals, boolean lenient) {
        return new Renderer(library, globals, lenient);
    }

    /** The given variables in front of the library's globals. */
    public Globals globals(Map<String, ?> vars) {
        Map<String, Object> builtins = library.globals();
        return name -> {
            Object v = vars.get(name);
            if (v != null || vars.containsKey(name)) {
                return v;
            }
            v = builtins.get(name);
            return v != null || builtins.containsKey(name) ? v : Py.NOT_FOUND;
        };
    }
}
