package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.consumer.WatcherHeaders;
import io.camelwechat.component.wechat.push.PushHeaders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The watcher sets exactly the headers WeChatConstants documents. */
class HeaderNamesTest {

    @Test
    void watcherHeadersAreTheDocumentedOnes() {
        assertEquals(WeChatConstants.APP_ID, WatcherHeaders.APP_ID);
        assertEquals(WeChatConstants.CATEGORY_FIRST, WatcherHeaders.CATEGORY_FIRST);
        assertEquals(WeChatConstants.CATEGORY_SECOND, WatcherHeaders.CATEGORY_SECOND);
        assertEquals(WeChatConstants.AUDIT_STATUS, WatcherHeaders.AUDIT_STATUS);
        assertEquals(WeChatConstants.PREVIOUS_AUDIT_STATUS, WatcherHeaders.PREVIOUS_AUDIT_STATUS);
        assertEquals(WeChatConstants.AUDIT_REASON, WatcherHeaders.AUDIT_REASON);
        assertEquals(WeChatConstants.CHANGE_TYPE, WatcherHeaders.CHANGE_TYPE);
        assertEquals(WeChatConstants.EVENT_TYPE, PushHeaders.EVENT_TYPE);
    }
}
