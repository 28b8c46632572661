package io.camelwechat.component.wechat.internal.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.camelwechat.component.wechat.internal.support.WireFormat;

/**
 * WeChat's verdict on a call, {@code errcode} and {@code errmsg} at the top level of its answer, read without
 * building the rest, so that the answer is mapped to its result type in one full pass. An answer whose bytes do
 * not contain {@code "errcode"} at all (getIndustry's, for one) succeeded without being parsed here (WeChat writes
 * plain keys, never escaped ones); otherwise values under other fields are skipped unread, and the scan stops at
 * {@code "errcode":0}, which WeChat writes first.
 */
record AnswerStatus(int errcode, String errmsg) {

    private static final AnswerStatus OK = new AnswerStatus(0, "");
    private static final byte[] ERRCODE_KEY = "\"errcode\"".getBytes(StandardCharsets.US_ASCII);

    /** The status of a JSON object answer, or null when the answer is not a JSON object. */
    static AnswerStatus read(byte[] answer) {
        if (!startsAnObject(answer)) {
            return null;
        }
        if (!contains(answer, ERRCODE_KEY)) {
            return OK; // whether the rest is well-formed, mapping it finds out
        }
        try (JsonParser parser = WireFormat.parser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Integer errcode = null;
            String errmsg = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("errcode".equals(field)) {
                    errcode = parser.getValueAsInt(0);
                    if (errcode == 0) {
                        return OK;
                    }
                } else if ("errmsg".equals(field)) {
                    errmsg = parser.getValueAsString("");
                } else {
                    parser.skipChildren();
                }
                if (errcode != null && errmsg != null) {
                    break;
                }
            }
            return errcode == null ? OK : new AnswerStatus(errcode, errmsg == null ? "" : errmsg);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean startsAnObject(byte[] answer) {
        for (byte b : answer) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
