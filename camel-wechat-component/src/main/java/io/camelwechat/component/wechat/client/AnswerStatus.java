package io.camelwechat.component.wechat.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.camelwechat.component.wechat.model.WireFormat;

/**
 * WeChat's verdict on a call, {@code errcode} and {@code errmsg} at the top level of its answer, read without
 * building the rest: values under other fields are skipped unread, and the scan stops at {@code "errcode":0}
 * (WeChat writes it first), so the answer is mapped to its result type in one full pass. An answer without
 * {@code errcode} (getIndustry's, for one) succeeded.
 */
record AnswerStatus(int errcode, String errmsg) {

    private static final AnswerStatus OK = new AnswerStatus(0, "");

    /** The status of a JSON object answer, or null when the answer is not a JSON object. */
    static AnswerStatus read(byte[] answer) {
        try (JsonParser parser = WireFormat.mapper().createParser(answer)) {
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
}
