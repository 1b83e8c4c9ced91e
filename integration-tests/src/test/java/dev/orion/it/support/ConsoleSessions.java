package dev.orion.it.support;

import java.net.http.HttpResponse;
import java.util.Map;

/** Console sign-ins over plain HTTP (cookies kept), optionally from a given client address (trusted X-Forwarded-For). */
public final class ConsoleSessions {

    public static final String CONSOLE = Http.BASE + "/console/";

    private ConsoleSessions() {
    }

    /** A signed-in session; fails the test when the sign-in is refused. */
    public static Http signIn(String email, String password) {
        var session = Http.browser();
        var answer = attempt(session, email, password);
        if (answer.uri().getPath().endsWith("login.xhtml")) {
            throw new AssertionError("Sign-in of " + email + " refused: " + answer.uri());
        }
        return session;
    }

    /** Posts the login form from {@code ip}; the answer is the page the redirect leads to. */
    public static HttpResponse<String> attempt(Http session, String email, String password, String... headers) {
        return session.postForm(CONSOLE + "login", Map.of("username", email, "password", password), headers);
    }

    /** Where a login from {@code ip} is sent (the redirect's Location), without following it. */
    public static String outcome(String email, String password, String ip) {
        var answer = Http.session().postForm(CONSOLE + "login", Map.of("username", email, "password", password), "X-Forwarded-For", ip);
        return answer.headers().firstValue("Location").orElse("status " + answer.statusCode());
    }

    /** Whether this session still opens a page that needs a signed-in user (the login form answers otherwise). */
    public static boolean stillSignedIn(Http session, String page) {
        var answer = session.get(CONSOLE + page);
        return answer.statusCode() == 200 && !answer.body().contains("id=\"login-form\"") && !answer.uri().getPath().endsWith("login.xhtml");
    }
}
