package io.camelwechat.component.wechat.internal.operation;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.camelwechat.component.wechat.WeChatApi;
import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.support.Texts;
import io.camelwechat.component.wechat.model.IndustryInfo;
import io.camelwechat.component.wechat.model.MediaUploadResult;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.model.WeChatAck;
import org.apache.camel.Message;

/**
 * The operation table: every {@code wechat:<api>?op=<op>} with its WeChat call, how the request is bound, what the
 * result is and whether it changes state at WeChat. Adding an operation is adding a row (and its binder). The
 * generic {@code wechat:api} is a row too, whose method and path come from the endpoint's options.
 */
public enum WeChatOperation {

    INDUSTRY_SET(WeChatApi.industry, "set", "setIndustry", HttpMethod.POST, "/cgi-bin/template/api_set_industry",
            IndustryRequestBinder::set, WeChatAck.class, Effect.WRITE),
    INDUSTRY_GET(WeChatApi.industry, "get", "getIndustry", HttpMethod.GET, "/cgi-bin/template/get_industry",
            RequestBinder.NONE, IndustryInfo.class, Effect.READ),
    CATEGORY_ADD(WeChatApi.category, "add", "addCategory", HttpMethod.POST, "/cgi-bin/wxopen/addcategory",
            CategoryRequestBinder::add, WeChatAck.class, Effect.WRITE),
    CATEGORY_MODIFY(WeChatApi.category, "modify", "modifyCategory", HttpMethod.POST, "/cgi-bin/wxopen/modifycategory",
            CategoryRequestBinder::modify, WeChatAck.class, Effect.WRITE),
    CATEGORY_LIST(WeChatApi.category, "list", "getSettingCategories", HttpMethod.GET, "/cgi-bin/wxopen/getcategory",
            RequestBinder.NONE, SettingCategories.class, Effect.READ),
    CATEGORY_ALL(WeChatApi.category, "all", "getAllCategories", HttpMethod.GET, "/cgi-bin/wxopen/getallcategories",
            RequestBinder.NONE, SettableCategories.class, Effect.READ),
    CATEGORY_DELETE(WeChatApi.category, "delete", "deleteCategory", HttpMethod.POST, "/cgi-bin/wxopen/deletecategory",
            CategoryRequestBinder::delete, WeChatAck.class, Effect.WRITE),
    MEDIA_UPLOAD(WeChatApi.media, "upload", "uploadTempMedia", HttpMethod.POST, "/cgi-bin/media/upload",
            MediaRequestBinder::upload, MediaUploadResult.class, Effect.WRITE),
    /** {@code wechat:api}: no op; the method and path are the endpoint's, the answer a Map, a POST a write. */
    GENERIC(WeChatApi.api, null, null, null, null, GenericRequestBinder::bind, Map.class, Effect.BY_METHOD);

    /** Whether a call changes state at WeChat, so that sending it twice may apply it twice. */
    private enum Effect {
        READ,
        WRITE,
        /** POST writes, GET reads. */
        BY_METHOD
    }

    private final WeChatApi api;
    private final String op;
    private final String wechatName;
    private final HttpMethod method;
    private final String path;
    private final RequestBinder binder;
    private final Class<?> resultType;
    private final Effect effect;

    WeChatOperation(WeChatApi api, String op, String wechatName, HttpMethod method, String path,
                    RequestBinder binder, Class<?> resultType, Effect effect) {
        this.api = api;
        this.op = op;
        this.wechatName = wechatName;
        this.method = method;
        this.path = path;
        this.binder = binder;
        this.resultType = resultType;
        this.effect = effect;
    }

    /**
     * The operation of an endpoint: {@code op} of its API; for {@code wechat:api}, which has none, the generic call
     * (an op set on it, or on the component for every endpoint, does not apply); none for {@code wechat:events}.
     *
     * @param op the op option, or null when not set (then null is answered for an API that needs one)
     * @throws IllegalArgumentException naming the valid operations of the API
     */
    public static WeChatOperation of(WeChatApi api, String op) {
        if (api == WeChatApi.api) {
            return GENERIC;
        }
        if (api == WeChatApi.events || op == null || op.isBlank()) {
            return null;
        }
        for (WeChatOperation operation : values()) {
            if (operation.api == api && op.equals(operation.op)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown op '" + Texts.printable(op, 40) + "' for wechat:" + api
                                           + "; valid operations are " + validOps(api));
    }

    /**
     * The operation of one message: the {@code CamelWeChatOperation} header when set, else the endpoint's.
     *
     * @throws IllegalArgumentException naming the header, or saying that neither is set
     */
    public static WeChatOperation forMessage(WeChatApi api, String header, WeChatOperation endpointDefault) {
        if (endpointDefault == GENERIC) {
            return GENERIC; // a header left on the exchange by an earlier wechat: call is not for wechat:api
        }
        if (header != null && !header.isBlank()) {
            try {
                return Objects.requireNonNull(of(api, Texts.requireNoControlCharacters(header, "the op").trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(WeChatConstants.OPERATION + " header: " + e.getMessage(), e);
            }
        }
        if (endpointDefault == null) {
            throw new IllegalArgumentException("No operation for wechat:" + api + ": set the op option or the "
                                               + WeChatConstants.OPERATION + " header to one of " + validOps(api));
        }
        return endpointDefault;
    }

    public static String validOps(WeChatApi api) {
        return Arrays.stream(values()).filter(operation -> operation.api == api && operation.op != null)
                .map(WeChatOperation::op).collect(Collectors.joining(", "));
    }

    public WeChatApi api() {
        return api;
    }

    /** The {@code op} of the URI; null for the generic call. */
    public String op() {
        return op;
    }

    public Class<?> resultType() {
        return resultType;
    }

    /** Whether the request changes state at WeChat, so that sending it twice may apply it twice. */
    public boolean isWrite(WeChatRequest request) {
        return effect == Effect.WRITE || effect == Effect.BY_METHOD && request.method() == HttpMethod.POST;
    }

    /**
     * Binds and checks the message's input.
     *
     * @throws IllegalArgumentException naming the header or field, before any call
     */
    public WeChatRequest request(Message message, OperationSettings settings) {
        RequestBinder.Binding binding = binder.bind(message, settings);
        return new WeChatRequest(name(settings), method(settings), settings.baseUrl(), path(settings),
                binding.query(), binding.body());
    }

    /** The request of an operation that takes no input (the watcher's getSettingCategories). */
    public WeChatRequest request(OperationSettings settings) {
        return new WeChatRequest(name(settings), method(settings), settings.baseUrl(), path(settings), Map.of(),
                null);
    }

    private String name(OperationSettings settings) {
        return this == GENERIC ? settings.path().substring(settings.path().lastIndexOf('/') + 1) : wechatName;
    }

    private HttpMethod method(OperationSettings settings) {
        return this == GENERIC ? settings.method() : method;
    }

    private String path(OperationSettings settings) {
        return this == GENERIC ? settings.path() : path;
    }
}
