package dev.orion.identity.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command and its {@code --option value} (or {@code --option=value}) pairs. A password or secret given as an
 * argument is refused before anything else happens: arguments end up in the shell history and in every local
 * user's {@code ps}.
 */
record Arguments(String command, Map<String, String> options) {

    private static final Set<String> SECRETS = Set.of("--password", "-p", "--pass", "--secret", "--client-secret");

    static Arguments parse(List<String> args, Map<String, Set<String>> optionsPerCommand) {
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (SECRETS.contains(name)) {
                throw Refusal.usage("Refused: a password is never taken from the command line (it would be kept in the shell"
                        + " history and shown by ps to every user of this machine). Type it when asked, pipe it on stdin,"
                        + " or name a file with --password-file FILE.");
            }
        }
        if (args.isEmpty() || !optionsPerCommand.containsKey(args.get(0))) {
            throw Refusal.usage(args.isEmpty() ? "Which command?" : "Unknown command " + args.get(0));
        }
        String command = args.get(0);
        Set<String> known = optionsPerCommand.get(command);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known.contains(name)) {
                throw Refusal.usage("Unknown option " + name + " for " + command);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw Refusal.usage(name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw Refusal.usage(name + " is given twice");
            }
        }
        return new Arguments(command, options);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw Refusal.usage(command + " needs " + name);
        }
        return value.strip();
    }

    String optional(String name, String fallback) {
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
