package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens file: what it accepts, and a message naming the file and line for each mistake. */
class TokensFileTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("tokens.yml"), yaml);
    }

    private void fails(String yaml, int line, String message) throws IOException {
        Path f = file(yaml);
        MallardException e = assertThrows(MallardException.class, () -> TokensFile.read(f));
        assertEquals(f.toString(), e.file());
        assertEquals(line, e.line(), e::describe);
        assertEquals(true, e.getMessage().contains(message), e::describe);
    }

    @Test
    void readsTokensScopesAndDatasetLists() throws IOException {
        List<ApiToken> tokens = TokensFile.read(file("""
                tokens:
                  - token: s3cret-admin
                    name: admin
                  - token: s3cret-user-42
                    name: user42
                    scope: {column: user_id, value: 42}   # rows restricted to user_id = 42
                    datasets: [orders]
                """));
        assertEquals(2, tokens.size());
        assertEquals(new ApiToken("s3cret-admin", "admin", null, null, null), tokens.get(0));
        ApiToken user = tokens.get(1);
        assertEquals("user_id", user.scopeColumn());
        assertEquals("42", user.scopeValue());
        assertEquals(List.of("orders"), user.datasets());
        assertNull(tokens.get(0).datasets());
    }

    @Test
    void mistakesNameTheFileAndLine() throws IOException {
        fails("tokens:\n  - token: [unclosed\n", 3, "invalid YAML");
        fails("tokens:\n  - token: s3cret-admin\n    nmae: admin\n", 3, "unknown key 'nmae'");
        fails("tokens:\n  - token: s3cret-admin\n    scope: {column: user_id}\n", 3, "needs both 'column' and 'value'");
        fails("tokens:\n  - token: s3cret-admin\n  - token: s3cret-admin\n", 3, "listed twice");
        fails("tokens:\n  - name: nobody\n", 2, "has no 'token:'");
        fails("tokens:\n  - token: short\n", 2, "shorter than 8");
        fails("tokens:\n  - token: s3cret-admin\n    datasets: orders\n", 3, "'datasets' must be a list");
        fails("users:\n  - token: s3cret-admin\n", 1, "unknown key 'users'");
        fails("- s3cret-admin\n", 1, "expected a mapping");
    }
}
