package io.camelwechat.component.wechat.internal.push;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parser kept per thread: every parse as hardened as the first, and a refused body leaves nothing behind. */
class SafeXmlTest {

    private static final String PUSH = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Event> wxa_category_audit "
                                       + "</Event><ret>2</ret></xml>";
    private static final String DTD = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "
                                      + "\"file:///etc/passwd\">]><xml><ToUserName>&xxe;</ToUserName></xml>";

    @Test
    void pushAfterPush_onOneThread_theFieldsAreRead_andADtdIsRefusedEveryTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("ToUserName", "gh_1", "Event", "wxa_category_audit", "ret", "2"), fields(PUSH));
            assertEquals(400, assertThrows(PushRejectedException.class, () -> fields(DTD)).httpStatus());
            assertThrows(PushRejectedException.class, () -> fields("<xml><ret>2</ret>"), "not well-formed");
            assertThrows(PushRejectedException.class, () -> fields("<xml>&undeclared;</xml>"));
        }
        assertEquals(Map.of("ret", "2"), fields("<xml><ret>2</ret></xml>"), "a refused body leaves nothing behind");
    }

    private static Map<String, String> fields(String xml) throws PushRejectedException {
        return SafeXml.fields(xml.getBytes(StandardCharsets.UTF_8));
    }
}
