package dev.orion.identity.cli;

import dev.orion.identity.domain.Role;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code orion-admin.jar} ({@code ./orion admin}): the first ADMIN and platform API clients of a production
 * database, with nothing but the database settings, whether the server runs or not. Exit status 0 when the
 * account exists afterwards (created now or found), 1 when refused, 2 for a mistyped command.
 */
public final class AdminCommand {

    private static final Map<String, Set<String>> COMMANDS = Map.of(
            "create-user", Set.of("--email", "--role", "--name", "--locale", "--password-file"),
            "create-client", Set.of("--name", "--client-id"));

    static final String USAGE = """
            usage: orion admin create-user --email EMAIL [--role ADMIN|STAFF] [--name "Display Name"] [--locale en]
                                           [--password-file FILE]
                   orion admin create-client --name "Client name" [--client-id ID]

              create-user    a console user (ADMIN by default). The password is typed twice when asked, or read
                             from the first line of standard input or of --password-file; never from an argument.
              create-client  a platform API client (OAuth2 client credentials); its secret is printed once.

            Both connect with ORION_DB_URL, ORION_DB_USER and ORION_DB_PASSWORD (the server's settings) to a database
            Orion has started on once, with the server running or stopped; they bring the schema up to date as the
            server does at start, and change nothing when the account already exists.
            """;

    private final PrintStream out;
    private final PrintStream err;

    AdminCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new AdminCommand(System.out, System.err).run(List.of(args), System.getenv()));
    }

    int run(List<String> args, Map<String, String> env) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        try {
            Arguments arguments = Arguments.parse(args, COMMANDS);
            OrionDatabase database = OrionDatabase.fromEnvironment(env);
            out.println(database.migrate());
            try (Connection db = database.connect()) {
                var accounts = new FirstAccounts(db, "admin command (" + System.getProperty("user.name") + ")");
                return arguments.command().equals("create-user") ? createUser(accounts, arguments) : createClient(accounts, arguments);
            }
        } catch (Refusal refusal) {
            err.println(refusal.getMessage());
            if (refusal.exitCode() == 2) {
                err.print(USAGE);
            }
            return refusal.exitCode();
        } catch (SQLException e) {
            err.println("The database refused: " + e.getMessage() + "; nothing changed");
            return 1;
        }
    }

    private int createUser(FirstAccounts accounts, Arguments arguments) throws SQLException {
        String email = arguments.required("--email");
        Role role = role(arguments.optional("--role", "ADMIN"));
        String file = arguments.optional("--password-file", null);
        var passwords = new PasswordInput(file == null ? null : Path.of(file), System.in, System.console());
        var outcome = accounts.createUser(email, arguments.optional("--name", null), role, arguments.optional("--locale", "en"),
                () -> passwords.read(email));
        out.println(outcome.message());
        return 0;
    }

    private int createClient(FirstAccounts accounts, Arguments arguments) throws SQLException {
        var client = accounts.createPlatformClient(arguments.required("--name"), arguments.optional("--client-id", null));
        out.println(client.message());
        if (client.created()) {
            out.println("  client_id     " + client.clientId());
            out.println("  client_secret " + client.secret());
            out.println("The secret is shown this once; Orion keeps only its hash. Store it now (a secret manager, the"
                    + " client's configuration). Tokens: POST /api/v1/auth/token with grant_type=client_credentials.");
        }
        return 0;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.usage("--role is ADMIN or STAFF, not " + name);
        }
    }
}
