package dev.mallard.jinja.ast;

/** Where a node starts: the template's name (a project-relative path), 1-based line and column. */
public record Pos(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
