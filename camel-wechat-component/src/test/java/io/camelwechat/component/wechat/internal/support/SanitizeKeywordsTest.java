package io.camelwechat.component.wechat.internal.support;

import java.util.List;

import io.camelwechat.component.wechat.CamelMasking;
import io.camelwechat.component.wechat.WeChatComponent;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The component adds its credential words to Camel's URI masking without dropping another library's. */
class SanitizeKeywordsTest {

    @Test
    void anotherLibrarysWords_stayMasked_besideOurs() {
        assumeTrue(CamelMasking.masksTheComponentsOwnWords(), CamelMasking.NOT_ON_CAMEL_4_14);
        URISupport.addSanitizeKeywords("cheesecode"); // what some other library registered earlier
        new WeChatComponent();
        SanitizeKeywords.add(List.of("verifyticket", "aeskey")); // twice: nothing changes

        assertEquals("x:y?cheeseCode=xxxxxx", URISupport.sanitizeUri("x:y?cheeseCode=gouda"));
        assertEquals("wechat:events?encodingAesKey=xxxxxx", URISupport.sanitizeUri("wechat:events?encodingAesKey=k"));
        assertEquals("wechat:api?componentVerifyTicket=xxxxxx",
                URISupport.sanitizeUri("wechat:api?componentVerifyTicket=t"));
    }
}
