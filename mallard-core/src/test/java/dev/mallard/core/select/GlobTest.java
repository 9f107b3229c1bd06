package dev.mallard.core.select;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cases checked against Python's {@code fnmatch.fnmatchcase}. */
class GlobTest {
    @Test
    void fnmatchSemantics() {
        assertTrue(Glob.matches("stg_orders", "stg_*"));
        assertTrue(Glob.matches("a.b/c", "a*c"));
        assertTrue(Glob.matches("abc", "a?c"));
        assertFalse(Glob.matches("ac", "a?c"));
        assertTrue(Glob.matches("b", "[abc]"));
        assertFalse(Glob.matches("d", "[abc]"));
        assertTrue(Glob.matches("d", "[!abc]"));
        assertTrue(Glob.matches("m", "[a-z]"));
        assertTrue(Glob.matches("[x", "[x"));
        assertTrue(Glob.matches("a+b", "a+b"));
        assertTrue(Glob.matches("a.b", "a.*"));
        assertFalse(Glob.matches("axb", "a.b"));
        assertFalse(Glob.matches("Orders", "orders"));
        assertFalse(Glob.matches(null, "*"));
    }
}
