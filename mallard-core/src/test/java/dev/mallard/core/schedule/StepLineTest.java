package dev.mallard.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepLineTest {
    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("build", "--select", "+marts"), StepLine.split("  build --select +marts "));
        assertEquals(List.of("run", "--vars", "{day: '2024-01-01'}"), StepLine.split("run --vars \"{day: '2024-01-01'}\""));
        assertEquals(List.of("run", "--vars", "a b\"c"), StepLine.split("run --vars 'a b\"c'"));
        assertEquals(List.of("x y"), StepLine.split("x\\ y"));
        assertThrows(IllegalArgumentException.class, () -> StepLine.split("run --vars '{a"));
    }
}
