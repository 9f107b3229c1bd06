package dev.mallard.jinja.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.jinja.TemplateError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Templates whose parse tree or syntax error was recorded from Python's Jinja2 3.1.6 (with the
 * do and loopcontrols extensions): hand-picked cases plus generated ones. The parser must give
 * the same tree, or the same message on the same line.
 */
class Jinja2ReferenceTest {

    @TestFactory
    List<DynamicTest> matchesJinja2() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("jinja2-reference.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String template = c.get("t").asText();
            tests.add(DynamicTest.dynamicTest("#" + tests.size() + " " + template.replace("\n", "\\n"), () -> {
                if (c.has("ast")) {
                    assertEquals(c.get("ast").asText(), AstPrinter.print(Parser.parse("t.sql", template).body()));
                } else {
                    TemplateError e = assertThrows(TemplateError.class, () -> Parser.parse("t.sql", template));
                    assertEquals(c.get("error").asText(), e.getMessage());
                    if (c.has("line")) {
                        assertEquals(c.get("line").asInt(), e.line(), "line of: " + e.getMessage());
                    }
                }
            }));
        }
        return tests;
    }
}
