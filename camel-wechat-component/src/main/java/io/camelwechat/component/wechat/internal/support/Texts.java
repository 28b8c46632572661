package io.camelwechat.component.wechat.internal.support;

/**
 * Checks and shows text that came from outside: control characters (CR, LF, NUL, DEL, ...) never reach a URL, an
 * HTTP header, a multipart part or a log line, and a value quoted in a message is shown with them escaped.
 */
public final class Texts {

    private Texts() {
    }

    /** The index of the first control character, or -1. */
    public static int indexOfControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @throws IllegalArgumentException naming the input and where the character is
     */
    public static String requireNoControlCharacters(String text, String name) {
        int at = indexOfControlCharacter(text);
        if (at >= 0) {
            throw new IllegalArgumentException(name + " must not contain control characters (CR, LF, NUL, ...); "
                                               + "found U+" + String.format("%04X", (int) text.charAt(at))
                                               + " at index " + at);
        }
        return text;
    }

    /** The text with control characters escaped as {@code \\uXXXX} and cut to {@code max} characters. */
    public static String printable(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        if (indexOfControlCharacter(cut) < 0) {
            return cut;
        }
        StringBuilder shown = new StringBuilder(cut.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            shown.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return shown.toString();
    }

    /**
     * An optional sign, then one or more of the ASCII digits {@code 0-9}. Java's number parsing also reads other
     * scripts' digits (fullwidth, Arabic-Indic), which WeChat does not know: check with this first.
     */
    public static boolean isAsciiInteger(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A value for a message: Strings quoted and cut to 80 characters, control characters escaped, others typed. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + printable(text, 80) + "'";
        }
        return printable(String.valueOf(value), 80) + " (" + value.getClass().getSimpleName() + ")";
    }
}
