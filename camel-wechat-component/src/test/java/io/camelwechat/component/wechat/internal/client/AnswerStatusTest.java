package io.camelwechat.component.wechat.internal.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AnswerStatusTest {

    private static AnswerStatus read(String json) {
        return AnswerStatus.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorAnswer_givesErrcodeAndErrmsgInEitherOrder() {
        assertEquals(new AnswerStatus(40001, "invalid credential"),
                read("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));
        assertEquals(new AnswerStatus(-1, "system error"), read("{\"errmsg\":\"system error\",\"errcode\":-1}"));
    }

    @Test
    void errcodeInsideAnotherField_isNotTheAnswersVerdict() {
        assertEquals(new AnswerStatus(0, ""),
                read("{\"categories\":[{\"errcode\":53300,\"errmsg\":\"x\"}],\"detail\":{\"errcode\":1}}"));
        assertEquals(new AnswerStatus(45009, "quota"),
                read("{\"list\":{\"errcode\":0},\"errcode\":45009,\"errmsg\":\"quota\"}"));
    }

    @Test
    void answerWithoutErrcode_succeeded() {
        assertEquals(0, read("{\"primary_industry\":{\"first_class\":\"IT\"}}").errcode());
    }

    @Test
    void errcodeAsTextAndMissingErrmsg_areRead() {
        assertEquals(new AnswerStatus(42001, ""), read("{\"errcode\":\"42001\"}"));
    }

    @Test
    void objectWithoutErrcode_isNotParsedHere_soAMalformedRestIsLeftToTheMapping() {
        assertEquals(new AnswerStatus(0, ""), read("{\"primary_industry\":"));
        assertNull(read("{\"errcode\":"));
    }

    @Test
    void notAJsonObject_givesNull() {
        assertNull(read("[1,2]"));
        assertNull(read("<html>busy</html>"));
        assertNull(read(""));
        assertNull(read("null"));
    }
}
