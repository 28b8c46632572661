package io.camelwechat.component.wechat.push;

/** The header the push receiver adds to the watcher's; documented in {@code WeChatConstants}. */
public final class PushHeaders {

    public static final String EVENT_TYPE = "CamelWeChatEventType";

    private PushHeaders() {
    }
}
