package dev.mallard.jinja.parser;

import dev.mallard.jinja.TemplateError;

/**
 * An error Jinja2 meets only when Python compiles the code it generated from the template, such
 * as a repeated keyword argument. Python reports its parser's errors first, then its symbol
 * table's, then its compiler's; {@code stage} orders them so.
 */
record PythonError(int stage, TemplateError error) {
    static final int SYNTAX = 1;
    static final int SYMBOL_TABLE = 2;
    static final int COMPILER = 3;
}
