package dev.orion.identity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Map<String, Set<String>> COMMANDS = Map.of("create-user", Set.of("--email", "--role", "--password-file"));

    @Test
    void refusesAPasswordGivenAsAnArgumentInEitherForm() {
        for (var args : List.of(List.of("create-user", "--email", "a@b.c", "--password", "s3cret-s3cret"),
                List.of("create-user", "--password=s3cret-s3cret", "--email", "a@b.c"), List.of("--secret", "x", "create-user"))) {
            Refusal refusal = assertThrows(Refusal.class, () -> Arguments.parse(args, COMMANDS));
            assertEquals(2, refusal.exitCode());
            assertTrue(refusal.getMessage().contains("never taken from the command line"), refusal.getMessage());
        }
    }

    @Test
    void readsOptionsWithASpaceOrAnEqualsSign() {
        var arguments = Arguments.parse(List.of("create-user", "--email", "a@b.c", "--role=STAFF"), COMMANDS);

        assertEquals("a@b.c", arguments.required("--email"));
        assertEquals("STAFF", arguments.optional("--role", "ADMIN"));
        assertEquals("none", arguments.optional("--password-file", "none"));
    }

    @Test
    void refusesUnknownCommandsOptionsAndMissingValues() {
        assertEquals(2, assertThrows(Refusal.class, () -> Arguments.parse(List.of("drop-database"), COMMANDS)).exitCode());
        assertEquals(2, assertThrows(Refusal.class, () -> Arguments.parse(List.of("create-user", "--vendor", "x"), COMMANDS)).exitCode());
        assertEquals(2, assertThrows(Refusal.class, () -> Arguments.parse(List.of("create-user", "--email"), COMMANDS)).exitCode());
        assertEquals(2, assertThrows(Refusal.class, () -> Arguments.parse(List.of("create-user"), COMMANDS).required("--email")).exitCode());
    }
}
