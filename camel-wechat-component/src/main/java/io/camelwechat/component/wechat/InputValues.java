package io.camelwechat.component.wechat;

import org.apache.camel.Message;

/** Reads and checks the scalar inputs of operations, with messages that name the header or field. */
final class InputValues {

    private InputValues() {
    }

    /** A required header holding a positive integer id (an Integer, Long, Short or a String of digits). */
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
            throw new IllegalArgumentException(name + " must be " + what + ", a positive integer; got " + describe(value));
        }
        return id;
    }

    static Integer toInt(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return value + " (" + value.getClass().getSimpleName() + ")";
    }
}
