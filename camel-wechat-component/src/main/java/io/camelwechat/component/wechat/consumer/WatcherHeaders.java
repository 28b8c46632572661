package io.camelwechat.component.wechat.consumer;

/**
 * The headers the watcher sets. They are documented (with {@code @Metadata}) in {@code WeChatConstants}, which
 * the consumer cannot depend on; a test keeps the two equal.
 */
public final class WatcherHeaders {

    public static final String APP_ID = "CamelWeChatAppId";
    public static final String CATEGORY_FIRST = "CamelWeChatCategoryFirst";
    public static final String CATEGORY_SECOND = "CamelWeChatCategorySecond";
    public static final String AUDIT_STATUS = "CamelWeChatAuditStatus";
    public static final String PREVIOUS_AUDIT_STATUS = "CamelWeChatPreviousAuditStatus";
    public static final String AUDIT_REASON = "CamelWeChatAuditReason";
    public static final String CHANGE_TYPE = "CamelWeChatChangeType";

    private WatcherHeaders() {
    }
}
