package io.camelwechat.component.wechat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelwechat.component.wechat.client.WeChatRequest;
import io.camelwechat.component.wechat.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.model.IndustryInfo;
import io.camelwechat.component.wechat.model.MediaUploadResult;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.model.WeChatAck;
import io.camelwechat.component.wechat.model.WeChatResponse;
import org.apache.camel.Message;

/**
 * The operation table: every {@code wechat:<api>?op=<op>} with its WeChat call, how the request is bound and what
 * the result is. Adding an operation is adding a row.
 */
public enum WeChatOperation {

    INDUSTRY_SET(WeChatApi.industry, "set", "setIndustry", HttpMethod.POST, "/cgi-bin/template/api_set_industry",
            Map.of(), IndustryRequestBinder::set, WeChatAck.class, true),
    INDUSTRY_GET(WeChatApi.industry, "get", "getIndustry", HttpMethod.GET, "/cgi-bin/template/get_industry",
            Map.of(), RequestBinder.NONE, IndustryInfo.class, false),
    CATEGORY_ADD(WeChatApi.category, "add", "addCategory", HttpMethod.POST, "/cgi-bin/wxopen/addcategory",
            Map.of(), CategoryRequestBinder::add, WeChatAck.class, true),
    CATEGORY_MODIFY(WeChatApi.category, "modify", "modifyCategory", HttpMethod.POST, "/cgi-bin/wxopen/modifycategory",
            Map.of(), CategoryRequestBinder::modify, WeChatAck.class, true),
    CATEGORY_LIST(WeChatApi.category, "list", "getSettingCategories", HttpMethod.GET, "/cgi-bin/wxopen/getcategory",
            Map.of(), RequestBinder.NONE, SettingCategories.class, false),
    CATEGORY_ALL(WeChatApi.category, "all", "getAllCategories", HttpMethod.GET, "/cgi-bin/wxopen/getallcategories",
            Map.of(), RequestBinder.NONE, SettableCategories.class, false),
    CATEGORY_DELETE(WeChatApi.category, "delete", "deleteCategory", HttpMethod.POST, "/cgi-bin/wxopen/deletecategory",
            Map.of(), CategoryRequestBinder::delete, WeChatAck.class, true),
    MEDIA_UPLOAD(WeChatApi.media, "upload", "uploadTempMedia", HttpMethod.POST, "/cgi-bin/media/upload",
            Map.of(), MediaRequestBinder::upload, MediaUploadResult.class, true);

    private final WeChatApi api;
    private final String op;
    private final String wechatName;
    private final HttpMethod method;
    private final String path;
    private final Map<String, String> fixedQuery;
    private final RequestBinder binder;
    private final Class<? extends WeChatResponse> resultType;
    private final boolean write;

    WeChatOperation(WeChatApi api, String op, String wechatName, HttpMethod method, String path,
                    Map<String, String> fixedQuery, RequestBinder binder, Class<? extends WeChatResponse> resultType,
                    boolean write) {
        this.api = api;
        this.op = op;
        this.wechatName = wechatName;
        this.method = method;
        this.path = path;
        this.fixedQuery = fixedQuery;
        this.binder = binder;
        this.resultType = resultType;
        this.write = write;
    }

    /**
     * @throws IllegalArgumentException naming the valid operations of the API
     */
    public static WeChatOperation of(WeChatApi api, String op) {
        for (WeChatOperation operation : values()) {
            if (operation.api == api && operation.op.equals(op)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown op '" + op + "' for wechat:" + api + "; valid operations are "
                                           + validOps(api));
    }

    public static String validOps(WeChatApi api) {
        return Arrays.stream(values()).filter(operation -> operation.api == api).map(WeChatOperation::op)
                .collect(Collectors.joining(", "));
    }

    public WeChatApi api() {
        return api;
    }

    public String op() {
        return op;
    }

    /** WeChat's own name of the API, as its documentation uses it. */
    public String wechatName() {
        return wechatName;
    }

    public String path() {
        return path;
    }

    public HttpMethod method() {
        return method;
    }

    public Class<? extends WeChatResponse> resultType() {
        return resultType;
    }

    /** Whether the call changes state at WeChat, so that sending it twice may apply it twice. */
    public boolean isWrite() {
        return write;
    }

    /** Binds and checks the message's input; throws before any call if it is invalid. */
    WeChatRequest toRequest(Message message, WeChatConfiguration configuration) {
        if (message == null) {
            return new WeChatRequest(wechatName, method, configuration.getBaseUrl(), path, fixedQuery, null);
        }
        RequestBinder.Binding binding = binder.bind(message, configuration);
        Map<String, String> query = fixedQuery;
        if (!binding.query().isEmpty()) {
            query = new LinkedHashMap<>(fixedQuery);
            query.putAll(binding.query());
        }
        return new WeChatRequest(wechatName, method, configuration.getBaseUrl(), path, query, binding.body());
    }
}
