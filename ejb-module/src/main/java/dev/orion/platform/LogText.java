package dev.orion.platform;

/**
 * Text a client sent, made fit for a log line or a Redis key: control characters (CR and LF above all, which
 * would forge log lines) become {@code ?}, and it is cut to a bounded length with a mark that it was cut.
 */
public final class LogText {

    public static final int MAX = 120;

    private LogText() {
    }

    public static String excerpt(String text) {
        return excerpt(text, MAX);
    }

    public static String excerpt(String text, int max) {
        if (text == null) {
            return "(none)";
        }
        String cut = text.length() > max ? text.substring(0, max) : text;
        StringBuilder clean = new StringBuilder(cut.length() + 12);
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return text.length() > max ? clean.append("…(").append(text.length()).append(" chars)").toString() : clean.toString();
    }

    /** Whether the text has a control character (a form field that should be one line never does). */
    public static boolean hasControl(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }
}
