package dev.mallard.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected texts are what Python 3.11's textwrap.fill(text, width, break_on_hyphens=False) returns. */
class TextWrapTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Found top-level arguments to test `accepted_values` defined on 'stg_orders' in package 'jaffle_shop' "
                + "(models/schema.yml). Arguments to generic tests should be nested under the `arguments` property."
                + "|80|Found top-level arguments to test `accepted_values` defined on 'stg_orders' in\\npackage "
                + "'jaffle_shop' (models/schema.yml). Arguments to generic tests should be\\nnested under the "
                + "`arguments` property.",
        "\"  leading  spaces   and\\ttabs\\nand newlines   kept? \"|12|\"  leading\\nspaces   and\\ntabs and"
                + "\\nnewlines\\nkept?\"",
        "averyveryverylongwordthatdoesnotfit short|10|averyveryv\\nerylongwor\\ndthatdoesn\\notfit\\nshort",
        "a-hyphenated-word-not-broken-at-hyphens here|15|a-hyphenated-wo\\nrd-not-broken-a\\nt-hyphens here",
        "\"word word word word word \"|9|word word\\nword word\\nword",
    })
    void fillsAsPythonsTextwrap(String text, int width, String expected) {
        assertEquals(unescape(expected), TextWrap.fill(unescape(text), width));
    }

    @org.junit.jupiter.api.Test
    void aBlankLineSeparatesParagraphsThatAreJoinedByOneLineBreak() {
        assertEquals("[WARNING][X]: Deprecated\nfunctionality\nnext", TextWrap.lineWrapMessage(
                "[WARNING][X]: Deprecated functionality\n\nnext", 24));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }
}
