package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict {@code multipart/form-data} parser (RFC 7578 / RFC 2046), enough for WeChat media uploads: parts
 * with {@code Content-Disposition} name/filename, an optional {@code Content-Type} and binary content.
 *
 * <p>Strict like WeChat: every line break of the framing must be CRLF, and the closing delimiter must be there.
 * WeChat answers bare-LF bodies and unterminated forms with 41005 (wechat-api-facts.md "More facts":
 * binarywang/WxJava#316, Eric-Guo/wechat#211), so this parser rejects them instead of guessing.
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

    private static final byte[] CRLF = {'\r', '\n'};
    private static final Pattern BOUNDARY =
            Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private MultipartParser() {
    }

    static List<Part> parse(String contentType, byte[] body) throws MalformedMultipartException {
        String boundary = boundary(contentType);
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = firstDelimiterEnd(body, dashBoundary, delimiter);
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, position, "--")) {
                return parts; // closing delimiter
            }
            if (!startsWith(body, position, "\r\n")) {
                throw new MalformedMultipartException("delimiter line not ended by CRLF");
            }
            position += CRLF.length;
            int next = indexOf(body, delimiter, position);
            if (next < 0) {
                throw new MalformedMultipartException("no closing delimiter");
            }
            parts.add(part(body, position, next));
            position = next + delimiter.length;
        }
    }

    /** Where the first {@code --boundary} ends: at the very start, or after a preamble ending in CRLF. */
    private static int firstDelimiterEnd(byte[] body, byte[] dashBoundary, byte[] delimiter)
            throws MalformedMultipartException {
        if (startsWith(body, 0, dashBoundary)) {
            return dashBoundary.length;
        }
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw new MalformedMultipartException("no opening delimiter");
        }
        return start + delimiter.length;
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

    /** Parses one part spanning [start, end): CRLF-ended header lines, an empty line, the content. */
    private static Part part(byte[] body, int start, int end) throws MalformedMultipartException {
        String name = null;
        String filename = null;
        String contentType = null;
        int position = start;
        while (true) {
            int lineEnd = indexOf(body, CRLF, position);
            if (lineEnd < 0 || lineEnd >= end) {
                throw new MalformedMultipartException("part headers not terminated by an empty CRLF line");
            }
            String line = new String(body, position, lineEnd - position, StandardCharsets.UTF_8);
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new MalformedMultipartException("bare line break in part headers");
            }
            position = lineEnd + CRLF.length;
            if (line.isBlank()) {
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
        return new Part(name, filename, contentType, Arrays.copyOfRange(body, position, end));
    }

    private static String group(Pattern pattern, String value) {
        // a leading ';' lets the patterns match the first parameter and not "filename" for "name"
        Matcher matcher = pattern.matcher(";" + value);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean startsWith(byte[] body, int position, String prefix) {
        return startsWith(body, position, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] body, int position, byte[] prefix) {
        if (position + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[position + i] != prefix[i]) {
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
