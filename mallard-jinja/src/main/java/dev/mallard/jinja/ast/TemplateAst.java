package dev.mallard.jinja.ast;

import java.util.List;

/** A parsed template: its name (the file errors name), source text and top-level statements. */
public record TemplateAst(String name, String source, List<Stmt> body) {
    public TemplateAst {
        body = List.copyOf(body);
    }
}
