package dev.mallard.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvocationTest {
    @Test
    void idsAreVersionFourUuidsAsDbtWritesThem() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = Invocation.randomUuid();
            assertEquals(4, id.version(), id.toString());
            assertEquals(2, id.variant(), id.toString());
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void anInvocationKeepsItsIdUntilTheNextBegins() {
        Invocation.begin();
        String first = Invocation.id();
        assertEquals(first, Invocation.id());
        assertEquals(first, UUID.fromString(first).toString());
        Invocation.begin();
        assertNotEquals(first, Invocation.id());
    }
}
