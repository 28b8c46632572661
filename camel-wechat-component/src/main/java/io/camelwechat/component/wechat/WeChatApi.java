package io.camelwechat.component.wechat;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The API area in the URI path, {@code wechat:<api>}. Lower-case so that the constant is the URI word. */
public enum WeChatApi {
    industry,
    category,
    media,
    /** The push receiver, {@code from("wechat:events")}. */
    events,
    /** Any other WeChat server API, {@code wechat:api?method=POST&path=/cgi-bin/...}. */
    api;

    /**
     * @throws IllegalArgumentException naming the valid APIs
     */
    public static WeChatApi fromUriPath(String path) {
        for (WeChatApi api : values()) {
            if (api.name().equals(path)) {
                return api;
            }
        }
        throw new IllegalArgumentException("Unknown WeChat API '" + path + "' in wechat:" + path + "; valid APIs are "
                                           + Arrays.stream(values()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }
}
