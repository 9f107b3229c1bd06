package dev.mallard.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionParserTest {

    @Test
    void plainNameUsesTheFqnMethodWithoutOperators() {
        SelectionCriterion c = SelectionParser.parseCriterion("orders");
        assertEquals(new SelectionCriterion("orders", MethodName.FQN, List.of(), "orders", false, false,
                SelectionCriterion.UNLIMITED, false, SelectionCriterion.UNLIMITED), c);
    }

    @Test
    void operatorsAndDepths() {
        SelectionCriterion c = SelectionParser.parseCriterion("2+tag:nightly+3");
        assertEquals(MethodName.TAG, c.method());
        assertEquals("nightly", c.value());
        assertTrue(c.parents());
        assertEquals(2, c.parentsDepth());
        assertTrue(c.children());
        assertEquals(3, c.childrenDepth());

        SelectionCriterion all = SelectionParser.parseCriterion("+orders+");
        assertEquals(SelectionCriterion.UNLIMITED, all.parentsDepth());
        assertEquals(SelectionCriterion.UNLIMITED, all.childrenDepth());

        SelectionCriterion at = SelectionParser.parseCriterion("@source:raw");
        assertTrue(at.childrensParents());
        assertFalse(at.parents());
        assertEquals(MethodName.SOURCE, at.method());
    }

    @Test
    void configKeysBecomeMethodArguments() {
        SelectionCriterion c = SelectionParser.parseCriterion("config.contract.enforced:true");
        assertEquals(MethodName.CONFIG, c.method());
        assertEquals(List.of("contract", "enforced"), c.methodArguments());
        assertEquals("true", c.value());
    }

    @Test
    void defaultMethodFollowsDbt() {
        assertEquals(MethodName.PATH, SelectionParser.defaultMethod("models/staging"));
        assertEquals(MethodName.FILE, SelectionParser.defaultMethod("orders.SQL"));
        assertEquals(MethodName.FILE, SelectionParser.defaultMethod("countries.csv"));
        assertEquals(MethodName.FQN, SelectionParser.defaultMethod("staging.stg_orders"));
    }

    @Test
    void unionOfIntersections() {
        SelectionSpec.Union u = SelectionParser.parseUnion(List.of("a b,c", " d "));
        assertEquals(3, u.components().size());
        SelectionSpec.Intersection second = (SelectionSpec.Intersection) u.components().get(1);
        assertEquals(2, second.components().size());
        assertEquals("c", ((SelectionCriterion) second.components().get(1)).value());
    }

    @Test
    void malformedSelectorsAreUsageErrors() {
        for (String bad : List.of("+", "tag:", "@a+", "a,", "colour:x", "config:x", "99999999999+a")) {
            MallardException e = assertThrows(MallardException.class, () -> SelectionParser.parseUnion(List.of(bad)), bad);
            assertEquals(ErrorCode.USAGE, e.code(), bad);
        }
    }
}
