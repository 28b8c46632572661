package io.camelwechat.simulator;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The WeChat error codes the simulator answers with, and their errmsg (without the {@code rid:} suffix that
 * {@link ErrorAnswers} appends).
 *
 * <p>English messages follow WeChat's global error-code list, as the SDK code tables mirror it (the English
 * column of WxJava's {@code WxOpenErrorMsgEnum}); the category codes (533xx) only have the Chinese
 * descriptions of those tables (wechat-api-facts.md section 5), so those are used verbatim. The third-party
 * platform codes (610xx) follow the English column of WeChat's api_component_token and
 * api_getauthorizeraccesstoken pages, and 61003, 61023 and 61024 the SDK code table. 61004 is never answered
 * by the simulator; it is listed so that {@code failNext} gives it WeChat's message.
 */
enum ErrorCode {
    SYSTEM_ERROR(-1, "system error"),
    OK(0, "ok"),
    INVALID_CREDENTIAL(40001, "invalid credential, access_token is invalid or not latest"),
    INVALID_GRANT_TYPE(40002, "invalid grant_type"),
    INVALID_MEDIA_TYPE(40004, "invalid media type"),
    INVALID_FILE_TYPE(40005, "invalid file type"),
    INVALID_MEDIA_ID(40007, "invalid media_id"),
    INVALID_IMAGE_SIZE(40009, "invalid image size"),
    INVALID_VOICE_SIZE(40010, "invalid voice size"),
    INVALID_VIDEO_SIZE(40011, "invalid video size"),
    INVALID_THUMB_SIZE(40012, "invalid thumb size"),
    INVALID_APPID(40013, "invalid appid"),
    INVALID_ACCESS_TOKEN(40014, "invalid access_token"),
    INVALID_URL(40066, "invalid url"),
    INVALID_INDUSTRY_ID(40102, "invalid industry id"),
    INVALID_INDUSTRY_INDEX(40103, "invalid industry index"),
    INVALID_APPSECRET(40125, "invalid appsecret"),
    IP_NOT_WHITELISTED(40164, "invalid ip, not in whitelist"),
    ACCESS_TOKEN_MISSING(41001, "access_token missing"),
    APPID_MISSING(41002, "appid missing"),
    APPSECRET_MISSING(41004, "appsecret missing"),
    MEDIA_DATA_MISSING(41005, "media data missing"),
    COMPONENT_APPID_MISSING(41018, "missing component_appid"),
    ACCESS_TOKEN_EXPIRED(42001, "access_token expired"),
    REQUIRE_GET(43001, "require GET method"),
    REQUIRE_POST(43002, "require POST method"),
    CHANGED_TOO_FREQUENTLY(43100, "change template too frequently"),
    EMPTY_POST_DATA(44002, "empty post data"),
    DAILY_QUOTA_REACHED(45009, "reach max api daily quota limit"),
    MINUTE_QUOTA_REACHED(45011, "api minute-quota reach limit mustslower retry next minute"),
    DATA_FORMAT_ERROR(47001, "data format error"),
    API_UNAUTHORIZED(48001, "api unauthorized"),
    CATEGORY_MONTHLY_LIMIT(53300, "超出每月次数限制"),
    CATEGORY_TOTAL_LIMIT(53301, "超出可配置类目总数限制"),
    CATEGORY_INVALID_PARAMS(53303, "提交的参数不合法"),
    CATEGORY_DUPLICATE(53304, "与已有类目重复"),
    CATEGORY_ONLY_QUALIFICATIONS_MODIFIABLE(53306, "修改类目只允许修改类目资质，不允许修改类目ID"),
    CATEGORY_NOT_REJECTED(53307, "只有审核失败的类目允许修改"),
    CATEGORY_IN_REVIEW(53308, "审核中的类目不允许删除"),
    COMPONENT_NOT_AUTHORIZED(61003, "component is not authorized by this account"),
    CLIENT_IP_NOT_REGISTERED(61004, "access clientip is not registered"),
    COMPONENT_TICKET_EXPIRED(61005, "component ticket is expired"),
    COMPONENT_TICKET_INVALID(61006, "component ticket is invalid"),
    INVALID_COMPONENT(61011, "invalid component"),
    MUST_USE_COMPONENT_TOKEN(61014, "must use component token for component api"),
    INVALID_REFRESH_TOKEN(61023, "refresh_token is invalid"),
    MUST_USE_COMPONENT_TOKEN_API(61024, "must use api(api_component_token) to get token for component acct");

    private static final Map<Integer, ErrorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    /** The errmsg WeChat documents for a code; a neutral text for codes the simulator does not know. */
    static String messageFor(int code) {
        ErrorCode known = BY_CODE.get(code);
        return known != null ? known.message : "simulated error " + code;
    }
}
