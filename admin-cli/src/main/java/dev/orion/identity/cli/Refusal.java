package dev.orion.identity.cli;

/** What the command will not do, said in one line to the operator; {@code usage} marks a wrongly typed command (exit 2). */
final class Refusal extends RuntimeException {

    private final boolean usage;

    private Refusal(String message, boolean usage) {
        super(message, null, false, false);
        this.usage = usage;
    }

    static Refusal of(String message) {
        return new Refusal(message, false);
    }

    static Refusal usage(String message) {
        return new Refusal(message, true);
    }

    int exitCode() {
        return usage ? 2 : 1;
    }
}
