package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal {@code multipart/form-data} parser (RFC 7578), enough for WeChat media uploads: parts with
 * {@code Content-Disposition} name/filename, an optional {@code Content-Type} and binary content.
 * Tolerates bare LF line ends, which some hand-written clients send.
 */
final class MultipartParser {

    /** One part of the form. {@code filename} and {@code contentType} may be null. */
    record Part(String name, String filename, String contentType, byte[] content) {
    }

    /** The body is not a multipart form this parser can read. */
    static final class MalformedMultipartException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedMultipartException(String message) {
            super(message);
        }
    }

    private static final Pattern BOUNDARY =
            Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private MultipartParser() {
    }

    static List<Part> parse(String contentType, byte[] body) throws MalformedMultipartException {
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedMultipartException("no opening boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            position += delimiter.length;
            if (startsWith(body, position, "--")) {
                return parts; // closing delimiter
            }
            position = skipLineEnd(body, position);
            int next = indexOf(body, delimiter, position);
            if (next < 0) {
                throw new MalformedMultipartException("no closing boundary");
            }
            parts.add(part(body, position, contentEnd(body, next)));
            position = next;
        }
    }

    private static String boundary(String contentType) throws MalformedMultipartException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new MalformedMultipartException("not multipart/form-data");
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            throw new MalformedMultipartException("no boundary");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    /** Parses one part spanning [start, end): header lines, an empty line, the content. */
    private static Part part(byte[] body, int start, int end) throws MalformedMultipartException {
        String name = null;
        String filename = null;
        String contentType = null;
        int position = start;
        while (true) {
            int lineEnd = indexOf(body, new byte[] {'\n'}, position);
            if (lineEnd < 0 || lineEnd >= end) {
                throw new MalformedMultipartException("part headers not terminated");
            }
            String line = new String(body, position, lineEnd - position, StandardCharsets.UTF_8).strip();
            position = lineEnd + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = group(NAME, value);
                filename = group(FILENAME, value);
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        return new Part(name, filename, contentType, Arrays.copyOfRange(body, position, Math.max(position, end)));
    }

    /** Content ends before the line break that precedes the next delimiter. */
    private static int contentEnd(byte[] body, int delimiterStart) {
        int end = delimiterStart;
        if (end > 0 && body[end - 1] == '\n') {
            end--;
            if (end > 0 && body[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    private static int skipLineEnd(byte[] body, int position) {
        if (startsWith(body, position, "\r\n")) {
            return position + 2;
        }
        return startsWith(body, position, "\n") ? position + 1 : position;
    }

    private static String group(Pattern pattern, String value) {
        // a leading ';' lets the patterns match the first parameter and not "filename" for "name"
        Matcher matcher = pattern.matcher(";" + value);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean startsWith(byte[] body, int position, String prefix) {
        if (position + prefix.length() > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (body[position + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
