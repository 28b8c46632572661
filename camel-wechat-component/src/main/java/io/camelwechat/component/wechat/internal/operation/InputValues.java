package io.camelwechat.component.wechat.internal.operation;

import io.camelwechat.component.wechat.internal.support.Texts;
import org.apache.camel.Message;

/** Reads and checks the scalar inputs of operations, with messages that name the header or field. */
final class InputValues {

    private InputValues() {
    }

    /** A required header holding a positive integer id (an Integer, Long, Short or a String of ASCII digits). */
    static int positiveIdHeader(Message message, String header, String what) {
        Object value = message.getHeader(header);
        if (value == null) {
            throw new IllegalArgumentException(header + " header is required: " + what + ", a positive integer");
        }
        return positiveId(value, header, what);
    }

    static int positiveId(Object value, String name, String what) {
        Integer id = toInt(value);
        if (id == null || id <= 0) {
            throw new IllegalArgumentException(name + " must be " + what + ", a positive integer; got " + Texts.describe(value)
                                               + asciiDigitsHint(value));
        }
        return id;
    }

    /**
     * An int from an Integer, Short, Byte, an in-range Long or a String of ASCII digits with an optional sign; null
     * for anything else. Java's own parsing also takes other scripts' digits (fullwidth {@code １}, Arabic-Indic
     * {@code ٣}), which WeChat does not know.
     */
    static Integer toInt(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value instanceof String text) {
            if (Texts.indexOfControlCharacter(text) >= 0) {
                return null; // trim() would drop a trailing CR/LF or NUL and read what is left
            }
            String trimmed = text.trim();
            if (!Texts.isAsciiInteger(trimmed)) {
                return null;
            }
            try {
                return Integer.valueOf(trimmed);
            } catch (NumberFormatException e) {
                return null; // out of int range
            }
        }
        return null;
    }

    /** Explains a refusal of text that Java would have read as a number: WeChat knows ASCII digits only. */
    static String asciiDigitsHint(Object value) {
        if (value instanceof String text && !text.isBlank() && text.trim().chars().allMatch(Character::isDigit)
            && !Texts.isAsciiInteger(text.trim())) {
            return " (only the ASCII digits 0-9 are accepted)";
        }
        return "";
    }
}
