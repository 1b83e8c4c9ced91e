package dev.orion.identity.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a new user's password comes from: the first line of {@code --password-file}, else typed twice at the
 * terminal without echo, else the first line of standard input (a pipe or a here-string).
 */
final class PasswordInput {

    private final Path file;
    private final InputStream stdin;
    private final Console console;

    PasswordInput(Path file, InputStream stdin, Console console) {
        this.file = file;
        this.stdin = stdin;
        this.console = isTerminal(console) ? console : null;
    }

    String read(String email) {
        if (file != null) {
            return fromFile();
        }
        if (console != null) {
            return typed(email);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw Refusal.of("No password on standard input: pipe one line, or use --password-file FILE");
            }
            return line;
        } catch (IOException e) {
            throw Refusal.of("Could not read the password from standard input: " + e.getMessage());
        }
    }

    private String fromFile() {
        try {
            String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw Refusal.of("The password file " + file + " is empty: its first line is the password");
            }
            return first;
        } catch (IOException e) {
            throw Refusal.of("Cannot read the password file " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private String typed(String email) {
        char[] first = console.readPassword("Password for %s: ", email);
        char[] again = console.readPassword("The same password again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw Refusal.of("The two passwords differ; nothing changed");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, ' ');
            }
            if (again != null) {
                Arrays.fill(again, ' ');
            }
        }
    }

    /** Java 22+ returns a console even when input is redirected; only a real terminal is asked to type. */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22, System.console() is null unless both ends are a terminal
        }
    }
}
