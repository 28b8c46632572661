package io.camelwechat.component.wechat;

import org.apache.camel.spi.Metadata;

/**
 * Names of the message headers the WeChat component reads and writes: the only place they are declared (the
 * producer, the category watcher and the push receiver all use these).
 */
public final class WeChatConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "The operation to perform, overriding the endpoint's op option for this message only; "
                            + "the values are the op option's.")
    public static final String OPERATION = "CamelWeChatOperation";

    @Metadata(label = "common", javaType = "String",
              description = "Producer: the appid of the account to act for, overriding the appId option for this "
                            + "message. Consumer: the account whose category changed. "
                            + "With tokenMode stable or classic the account must be configured with its appSecret "
                            + "on the component or an endpoint.")
    public static final String APP_ID = "CamelWeChatAppId";

    @Metadata(label = "producer", javaType = "Integer",
              description = "industry set: the primary industry code, an integer 1..41 from WeChat's industry "
                            + "table (a numeric String is accepted).")
    public static final String INDUSTRY_ID1 = "CamelWeChatIndustryId1";

    @Metadata(label = "producer", javaType = "Integer",
              description = "industry set: the secondary industry code, an integer 1..41 different from the "
                            + "primary one (a numeric String is accepted).")
    public static final String INDUSTRY_ID2 = "CamelWeChatIndustryId2";

    @Metadata(label = "common", javaType = "Integer",
              description = "category add, modify and delete: the first-level category id, a positive integer (a "
                            + "numeric String is accepted). Set by the category watcher on each change.")
    public static final String CATEGORY_FIRST = "CamelWeChatCategoryFirst";

    @Metadata(label = "common", javaType = "Integer",
              description = "category add, modify and delete: the second-level category id, a positive integer (a "
                            + "numeric String is accepted). Set by the category watcher on each change.")
    public static final String CATEGORY_SECOND = "CamelWeChatCategorySecond";

    @Metadata(label = "producer", javaType = "Object",
              description = "category add and modify: the qualifications, either a Map of qualification name to "
                            + "media_id, or a List of Certificate records (or of Maps with key, value and the "
                            + "optional expire_time and is_permanent). Optional for add, required for modify.")
    public static final String CERTIFICATES = "CamelWeChatCertificates";

    @Metadata(label = "producer", javaType = "String",
              description = "media upload: the file name sent with the file (WeChat requires one); defaults to the "
                            + "CamelFileName header, else media.jpg, media.png, media.amr, ... after the detected "
                            + "format.")
    public static final String MEDIA_FILE_NAME = "CamelWeChatMediaFileName";

    @Metadata(label = "producer", javaType = "String",
              description = "media upload: the type of the temporary media, image, voice, video or thumb, overriding "
                            + "the mediaType option for this message.")
    public static final String MEDIA_TYPE = "CamelWeChatMediaType";

    @Metadata(label = "consumer", javaType = "Integer",
              description = "category watcher: the audit status now (1 under review, 2 rejected, 3 approved); not "
                            + "set for a removed category. events: the ret of a wxa_category_audit push (2 or 3).")
    public static final String AUDIT_STATUS = "CamelWeChatAuditStatus";

    @Metadata(label = "consumer", javaType = "Integer",
              description = "category watcher: the audit status before the change; not set for an added category.")
    public static final String PREVIOUS_AUDIT_STATUS = "CamelWeChatPreviousAuditStatus";

    @Metadata(label = "consumer", javaType = "String",
              description = "category watcher: WeChat's audit reason (why a category was rejected); empty when none.")
    public static final String AUDIT_REASON = "CamelWeChatAuditReason";

    @Metadata(label = "consumer", javaType = "String",
              description = "category watcher: WeChat's audit reason before the change (why the category was "
                            + "rejected, when it goes back under review); empty when none, not set for an added "
                            + "category.")
    public static final String PREVIOUS_AUDIT_REASON = "CamelWeChatPreviousAuditReason";

    @Metadata(label = "consumer", javaType = "String",
              description = "category watcher: ADDED, STATUS_CHANGED or REMOVED.")
    public static final String CHANGE_TYPE = "CamelWeChatChangeType";

    @Metadata(label = "consumer", javaType = "String",
              description = "events: the push's Event (for example wxa_category_audit) or InfoType (for example "
                            + "component_verify_ticket).")
    public static final String EVENT_TYPE = "CamelWeChatEventType";

    // Exchange properties, not headers: the producer sets them after each call, answered or not, so that a route
    // (and the tracing span of the call) can tell what it came to. Properties do not travel on to other endpoints
    // and are never read as input; the catalog lists headers only, so they carry no @Metadata.

    /** Exchange property: WeChat's name of the API the last call went to, for example getSettingCategories. */
    public static final String CALL_API = "CamelWeChatCallApi";

    /** Exchange property: the path the last call went to, never its query (for example /cgi-bin/wxopen/getcategory). */
    public static final String CALL_PATH = "CamelWeChatCallPath";

    /** Exchange property: the appid of the account the last call acted for. */
    public static final String CALL_APP_ID = "CamelWeChatCallAppId";

    /** Exchange property (Integer): WeChat's errcode of the last call, 0 when it succeeded; absent without one. */
    public static final String CALL_ERRCODE = "CamelWeChatCallErrcode";

    /** Exchange property (Integer): how often the last call was sent again (a token rejection, busy answers). */
    public static final String CALL_RETRIES = "CamelWeChatCallRetries";

    /** The pattern of every CALL_ exchange property, for {@code Exchange.removeProperties}. */
    public static final String CALL_PROPERTIES = "CamelWeChatCall*";

    private WeChatConstants() {
    }
}
