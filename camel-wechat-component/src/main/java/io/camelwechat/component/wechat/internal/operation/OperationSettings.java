package io.camelwechat.component.wechat.internal.operation;

import io.camelwechat.component.wechat.WeChatApi;
import io.camelwechat.component.wechat.internal.client.BaseUrl;
import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;

/**
 * An endpoint's options that shape its requests, parsed and checked once when the endpoint is created.
 *
 * @param baseUrl      where WeChat's paths are appended, checked and without a trailing slash
 * @param path         wechat:api only: the API path; null otherwise
 * @param method       wechat:api only: GET or POST; null otherwise
 * @param mediaType    the temporary media type of an upload without a CamelWeChatMediaType header
 * @param mediaMaxSize the largest image an upload sends
 */
public record OperationSettings(String baseUrl, String path, HttpMethod method, MediaType mediaType,
        long mediaMaxSize) {

    /**
     * @throws IllegalArgumentException naming the option that is wrong and what it may be
     */
    public static OperationSettings parse(WeChatApi api, String baseUrl, String path, String method,
                                          String mediaType, long mediaMaxSize) {
        boolean generic = api == WeChatApi.api;
        if (generic) {
            GenericRequestBinder.checkPath(path);
        }
        return new OperationSettings(BaseUrl.check(baseUrl), generic ? path : null,
                generic ? GenericRequestBinder.method(method) : null, MediaType.of(mediaType, "mediaType"),
                mediaMaxSize);
    }
}
