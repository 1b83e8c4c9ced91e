package dev.orion.it.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Submits a Jakarta Faces form the way a browser does: the form's fields, its button and the view state. */
public final class FacesForms {

    /** PrimeFaces' CSP nonce, which its script adds to every Faces form before a post (primefaces.CSP). */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private FacesForms() {
    }

    /** Posts form {@code formId} of {@code page} with {@code fields} (ids inside the form) by pressing {@code button}. */
    public static HttpResponse<String> submit(Http browser, HttpResponse<String> page, String formId, Map<String, String> fields, String button,
                                              String... headers) {
        return post(browser, page, formId, fields, button, true, headers);
    }

    /** The same post as a script sends it (curl, a bot): without the nonce PrimeFaces' own script adds to the form. */
    public static HttpResponse<String> submitWithoutNonce(Http browser, HttpResponse<String> page, String formId, Map<String, String> fields,
                                                          String button) {
        return post(browser, page, formId, fields, button, false);
    }

    private static HttpResponse<String> post(Http browser, HttpResponse<String> page, String formId, Map<String, String> fields, String button,
                                             boolean withNonce, String... headers) {
        Matcher action = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        Matcher state = VIEW_STATE.matcher(page.body());
        if (!action.find() || !state.find()) {
            throw new AssertionError("No form " + formId + " with a view state in:\n" + page.body());
        }
        var form = new LinkedHashMap<String, String>();
        form.put(formId, formId);
        fields.forEach((id, value) -> form.put(formId + ":" + id, value));
        form.put(formId + ":" + button, button);
        form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
        Matcher nonce = NONCE.matcher(page.body());
        if (withNonce && nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        String url = page.uri().resolve(action.group(1).replace("&amp;", "&")).toString();
        return browser.postForm(url, form, headers);
    }
}
