package dev.orion.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orion.it.support.FreshTestDatabase;
import dev.orion.it.support.Http;
import dev.orion.it.support.StandaloneOrion;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A production install's first sign-in, as docs/deployment.md walks it, with the real {@code ./orion admin} command.
 * On an empty database ({@code orion_bootstrap}) it refuses and says to start Orion once (creating Orion's schema
 * first would make the server's first start put its job and timer tables in it), and a password given as an argument
 * is refused before anything happens. A server of its own (port offset 700, demo data off) starts on that database;
 * the first ADMIN created while it runs signs in at once. With the server stopped (database only) a platform API
 * client and a STAFF user are created; a second run changes nothing and says so; a short password and another role
 * are refused. Started again, the server gives the client a token and signs the STAFF user in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapAdminIT {

    private static final int OFFSET = 700;
    private static final int SMTP_PORT = 3825;
    private static final String DB = "orion_bootstrap";
    private static final String REDIS = "redis://127.0.0.1:6379/7";
    /** As in production, the database belongs to a role not named orion (made by `./orion verify`). */
    private static final String ROLE = "orion_prod";
    private static final String ADMIN = "first.admin@example.com";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final String STAFF = "staff@example.com";
    private static final String STAFF_PASSWORD = "staff-password-from-a-file";
    private static final Pattern SECRET = Pattern.compile("(?m)^\\s*client_secret\\s+(\\S+)\\s*$");
    private static final Pattern CLIENT_ID = Pattern.compile("(?m)^\\s*client_id\\s+(\\S+)\\s*$");

    private static final Http http = Http.plain();
    private static GreenMail smtp;
    private static StandaloneOrion orion;
    private static String clientId;
    private static String clientSecret;

    record Run(int exit, String out, String err) {
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void emptyDatabase() throws Exception {
        FreshTestDatabase.main(new String[] {DB, REDIS});
        try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                System.getenv().getOrDefault("ORION_DB_USER", "orion"), System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"));
             var statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + DB + " OWNER TO " + ROLE); // sudo -u postgres createdb --owner ...
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (orion != null) {
            orion.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void onAnEmptyDatabaseItSaysToStartOrionOnceAndCreatesNothing() {
        Run user = admin(ADMIN_PASSWORD + "\n", "create-user", "--email", ADMIN, "--role", "ADMIN");

        assertEquals(1, user.exit(), user.both());
        assertTrue(user.err().contains("This database has no Orion schema yet"), user.both());
        assertTrue(user.err().contains("Start Orion on it once"), user.both());
        assertEquals("0", query("SELECT count(*) FROM pg_namespace WHERE nspname = 'orion'"), "no schema made before the server's first start");
    }

    @Test
    @Order(2)
    void aPasswordOnTheCommandLineIsRefusedBeforeAnythingHappens() {
        Run spaced = admin("", "create-user", "--email", "argv@example.com", "--password", "a-password-in-argv");
        Run joined = admin("", "create-user", "--email", "argv@example.com", "--password=a-password-in-argv");

        for (Run run : List.of(spaced, joined)) {
            assertEquals(2, run.exit(), run.both());
            assertTrue(run.err().contains("a password is never taken from the command line"), run.both());
            assertFalse(run.err().contains("no Orion schema"), "refused before connecting: " + run.both());
        }
    }

    @Test
    @Order(3)
    void withTheServerRunningTheFirstAdminIsCreatedAndSignsInAtOnce() throws Exception {
        startServer();

        Run user = admin(ADMIN_PASSWORD + "\n", "create-user", "--email", "First.Admin@Example.com", "--role", "ADMIN", "--name", "First Admin");

        assertEquals(0, user.exit(), user.both());
        assertTrue(user.out().contains("(up to date)"), "the server migrated the schema: " + user.both());
        assertTrue(user.out().contains("Created console user " + ADMIN + " (ADMIN)"), user.both());
        assertEquals("ADMIN|First Admin|true", query("SELECT role || '|' || display_name || '|' || active FROM users"));
        assertTrue(query("SELECT password_hash FROM users").startsWith("$2a$12$"), "bcrypt as the login realm reads it");
        assertEquals("user.create", query("SELECT action FROM audit_log WHERE entity_type = 'user'"));
        assertEquals("public", query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'job_execution'"));

        Http console = signIn(ADMIN, ADMIN_PASSWORD);
        var users = console.get(orion.url() + "/console/admin/users.xhtml");
        assertEquals(200, users.statusCode());
        assertTrue(users.body().contains(ADMIN), "the ADMIN sees the users page, with themselves on it");
        assertEquals("0", query("SELECT count(*) FROM vendors"), "no demo data");
    }

    @Test
    @Order(4)
    void withTheServerStoppedAClientAndAUserAreCreatedFromTheDatabaseAlone() throws Exception {
        orion.stop();

        Run client = admin("", "create-client", "--name", "Platform integration");
        Path file = Files.createTempFile("orion-bootstrap", ".pw", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, STAFF_PASSWORD + "\n", StandardCharsets.UTF_8);
        Run staff;
        try {
            staff = admin("", "create-user", "--email", STAFF, "--role", "STAFF", "--password-file", file.toString());
        } finally {
            Files.delete(file);
        }

        assertEquals(0, client.exit(), client.both());
        clientId = group(CLIENT_ID, client.out());
        clientSecret = group(SECRET, client.out());
        assertTrue(client.out().contains("shown this once"), client.both());
        assertEquals("platform|Platform integration", query("SELECT role || '|' || name FROM api_clients WHERE client_id = '" + clientId + "'"));
        assertFalse(query("SELECT secret_hash FROM api_clients").contains(clientSecret), "only a hash is kept");
        assertEquals(0, staff.exit(), staff.both());
        assertTrue(staff.out().contains("Created console user " + STAFF + " (STAFF)"), staff.both());
    }

    @Test
    @Order(5)
    void aSecondRunChangesNothingAndSaysSo() {
        String hashBefore = query("SELECT password_hash || version FROM users WHERE email = '" + ADMIN + "'");
        String audited = query("SELECT count(*) FROM audit_log");

        Run user = admin("another-password-entirely\n", "create-user", "--email", ADMIN, "--role", "ADMIN");
        Run client = admin("", "create-client", "--name", "Platform integration");

        assertEquals(0, user.exit(), user.both());
        assertTrue(user.out().contains("User " + ADMIN + " already exists as ADMIN; nothing changed"), user.both());
        assertEquals(0, client.exit(), client.both());
        assertTrue(client.out().contains("Platform API client " + clientId + " (Platform integration) already exists; nothing changed"), client.both());
        assertFalse(client.out().contains("client_secret"), "no new secret: " + client.both());
        assertEquals(hashBefore, query("SELECT password_hash || version FROM users WHERE email = '" + ADMIN + "'"), "the password is not changed");
        assertEquals("2", query("SELECT count(*) FROM users"));
        assertEquals("1", query("SELECT count(*) FROM api_clients"));
        assertEquals(audited, query("SELECT count(*) FROM audit_log"), "nothing more audited");
    }

    @Test
    @Order(6)
    void aShortPasswordOrAnotherRoleForAnExistingUserIsRefused() {
        Run shortPassword = admin("eleven-char\n", "create-user", "--email", "short@example.com", "--role", "STAFF");
        Run otherRole = admin("long-enough-password\n", "create-user", "--email", ADMIN, "--role", "STAFF");

        assertEquals(1, shortPassword.exit(), shortPassword.both());
        assertTrue(shortPassword.err().contains("The password needs at least 12 characters; nothing changed"), shortPassword.both());
        assertEquals(1, otherRole.exit(), otherRole.both());
        assertTrue(otherRole.err().contains("already exists as ADMIN, not STAFF; nothing changed"), otherRole.both());
        assertEquals("2", query("SELECT count(*) FROM users"));
        assertEquals("ADMIN", query("SELECT role FROM users WHERE email = '" + ADMIN + "'"));
    }

    @Test
    @Order(7)
    void startedAgainTheServerGivesTheClientATokenAndSignsTheStaffUserIn() throws Exception {
        orion.start();

        var token = http.postForm(orion.url() + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
        assertEquals(200, token.statusCode(), token.body());
        var me = http.get(orion.url() + "/api/v1/me", "Authorization", "Bearer " + Http.json(token).getString("access_token"));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains(clientId) && me.body().contains("platform"), me.body());
        signIn(STAFF, STAFF_PASSWORD);
    }

    private static void startServer() throws Exception {
        String base = System.getProperty("orion.server.base");
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)); // readiness asks for a relay
        smtp.start();
        orion = new StandaloneOrion(Path.of(base + "-bootstrap"), Map.of(
                "ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "ORION_DB_USER", ROLE,
                "ORION_DB_PASSWORD", ROLE,
                "ORION_REDIS_URL", REDIS,
                "ORION_SMTP_PORT", Integer.toString(SMTP_PORT),
                "ORION_STORAGE_DIR", base + "-bootstrap-storage",
                "ORION_DEMO_DATA", "false"), OFFSET);
        orion.start();
    }

    /** The console's sign-in form; fails unless it leads past the login page. */
    private static Http signIn(String email, String password) {
        Http session = Http.browser();
        var answer = session.postForm(orion.url() + "/console/login", Map.of("username", email, "password", password));
        assertFalse(answer.uri().getPath().endsWith("login.xhtml") || answer.body().contains("id=\"login-form\""),
                "sign-in of " + email + " refused: " + answer.uri());
        return session;
    }

    /** {@code ./orion admin ...} from this checkout, against the test's own database, with {@code stdin} typed in. */
    private static Run admin(String stdin, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of(checkout().resolve("orion").toString(), "admin"));
            command.addAll(List.of(args));
            Path out = Files.createTempFile("orion-admin", ".out");
            Path err = Files.createTempFile("orion-admin", ".err");
            var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("ORION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB);
            builder.environment().put("ORION_DB_USER", ROLE);
            builder.environment().put("ORION_DB_PASSWORD", ROLE);
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./orion admin did not end in 5 minutes");
            }
            var run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The checkout the tests run from: the nearest directory up from the module with the {@code orion} script. */
    private static Path checkout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("orion")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No ./orion above " + Path.of("").toAbsolutePath());
    }

    private static String query(String sql) {
        return TestData.queryIn(DB, sql);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in\n" + text);
        assertNotNull(matcher.group(1));
        return matcher.group(1);
    }
}
