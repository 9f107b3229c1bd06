package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A file's text rendered as dbt renders it: with its leading and trailing whitespace stripped first. */
class StrippedSourceTest {
    @Test
    void theFilesOwnLeadingAndTrailingWhitespaceIsTakenOff() {
        assertEquals("select 1 as id", StrippedSource.output("\n\n  select 1 as id", "\n\n  select 1 as id"));
        // the engine dropped one trailing line break; the rest of the file's trailing whitespace goes too
        assertEquals("select 1", StrippedSource.output("select 1\n\n\n", "select 1\n\n"));
        assertEquals("select 1", StrippedSource.output("\r\n select 1 \r\n", "\n select 1 "));
    }

    @Test
    void whitespaceTheTemplateWroteItselfStays() {
        // dbt: "{{ config(x) }}\nselect 1" renders "\nselect 1"
        assertEquals("\nselect 1", StrippedSource.output("\n{{ config(materialized='view') }}\nselect 1",
                "\n\nselect 1"));
        assertEquals(" select 1 ", StrippedSource.output("{{ ' select 1 ' }}", " select 1 "));
    }

    @Test
    void whitespaceControlAtEitherEndHadAlreadyRemovedIt() {
        // dbt: "{%- if true %}\nselect{% endif %}" renders "\nselect"
        assertEquals("\nselect", StrippedSource.output("\n{%- if true %}\nselect{% endif %}", "\nselect"));
        assertEquals("select\n", StrippedSource.output("{% if true %}select\n{% endif -%}\n\n", "select\n"));
    }

    @Test
    void anEmptyFileRendersNothing() {
        assertEquals("", StrippedSource.output("\n\n", "\n"));
    }
}
