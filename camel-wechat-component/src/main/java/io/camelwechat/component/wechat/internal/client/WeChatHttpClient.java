package io.camelwechat.component.wechat.internal.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.WeChatException;
import io.camelwechat.component.wechat.WeChatHttpException;
import io.camelwechat.component.wechat.internal.support.WireFormat;
import io.camelwechat.component.wechat.spi.Secret;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that speaks HTTP to WeChat: one pooled Apache HttpClient 5, JSON in and out, and WeChat's
 * {@code errcode} turned into {@link WeChatApiException}. Thread-safe; create one per component and
 * {@link #close()} it when the component stops.
 * <p>
 * Automatic retries of the HTTP library are off: a write sent twice may apply twice, so every retry is a decision
 * of the caller. Logs carry the API name, method and path, never the query string (it holds the access token).
 */
public final class WeChatHttpClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeChatHttpClient.class);
    /** A reader per result type: resolves the type and finds its deserializer once, not on every answer. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return WireFormat.reader(type);
        }
    };

    /** WeChat's answer to a path it does not know. */
    private static final int INVALID_URL = 40066;

    private final CloseableHttpClient http;
    private final HttpTransportSettings settings;

    public WeChatHttpClient(HttpTransportSettings settings) {
        this.settings = settings;
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        PoolingHttpClientConnectionManager connectionManager = pool.build();
        var builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling();
        if (settings.hasProxy()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        this.http = builder.build();
    }

    /**
     * Sends the request and maps WeChat's JSON answer to {@code resultType}.
     *
     * @throws WeChatApiException  if WeChat answered with a non-zero errcode
     * @throws WeChatHttpException if there was no usable answer (connection, timeout, HTTP status, not JSON)
     */
    public <T> T execute(WeChatRequest request, Class<T> resultType) {
        Answer answer = send(request);
        AnswerStatus status = AnswerStatus.read(answer.body());
        if (status == null) {
            throw notAJsonObject(request, answer);
        }
        if (status.errcode() != 0) {
            throw new WeChatApiException(request.api(), request.describe(), status.errcode(),
                    Redaction.mask(status.errmsg(), request.secretValues()),
                    status.errcode() == INVALID_URL ? "WeChat knows no API " + request.path() + " under baseUrl "
                                                      + request.baseUrl() : null);
        }
        try {
            return resultType.cast(READERS.get(resultType).readValue(answer.body()));
        } catch (StreamReadException e) {
            throw notAJsonObject(request, answer);
        } catch (IOException e) {
            throw new WeChatHttpException(request.api(), 200, "OK",
                    request.label() + " answered JSON that does not fit " + resultType.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()),
                    null);
        }
    }

    /** A 200 answer: its whole body and, for messages, its content type. */
    private record Answer(byte[] body, String contentType) {
    }

    private Answer send(WeChatRequest request) {
        HttpUriRequestBase httpRequest = toHttpRequest(request);
        long started = System.nanoTime();
        try {
            return http.execute(httpRequest, response -> {
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                if (LOG.isDebugEnabled()) { // the arguments cost more than the check on every call
                    LOG.debug("WeChat {} {} -> HTTP {} ({} bytes) in {} ms", request.api(), request.describe(),
                            response.getCode(), body.length, (System.nanoTime() - started) / 1_000_000);
                }
                if (response.getCode() != 200) {
                    throw new WeChatHttpException(request.api(), response.getCode(), response.getReasonPhrase(),
                            request.label() + " answered HTTP " + response.getCode() + " " + response.getReasonPhrase()
                            + (response.getCode() == 404 ? notFoundHint(request) : ""), null);
                }
                return new Answer(body, response.getEntity() == null
                        ? "none" : String.valueOf(response.getEntity().getContentType()));
            });
        } catch (WeChatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw transportFailure(request, e.getClass().getSimpleName(), e);
        } catch (ConnectTimeoutException e) {
            throw transportFailure(request, "could not connect to " + request.baseUrl() + " within connectTimeout "
                                            + settings.connectTimeout().toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw transportFailure(request, "could not connect to " + request.baseUrl() + " (" + e.getClass()
                    .getSimpleName() + ")", e);
        } catch (SocketTimeoutException e) {
            throw transportFailure(request, "no answer within responseTimeout "
                                            + settings.responseTimeout().toMillis() + " ms", e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw transportFailure(request, "interrupted", e);
        } catch (IOException e) {
            throw transportFailure(request, "I/O error " + e.getClass().getSimpleName(), e);
        }
    }

    private static WeChatHttpException notAJsonObject(WeChatRequest request, Answer answer) {
        // without the body: it is not ours to print
        return new WeChatHttpException(request.api(), 200, "OK",
                request.label() + " answered something that is not a JSON object (content type "
                + answer.contentType() + ", " + answer.body().length + " bytes)",
                null);
    }

    /** WeChat answers every path it knows: a 404 means the base URL points somewhere else. */
    private static String notFoundHint(WeChatRequest request) {
        return ": nothing answers " + request.path() + " under baseUrl " + request.baseUrl() + "; baseUrl must be "
               + "the WeChat API's scheme, host, port and (for a gateway) path prefix, "
               + BaseUrl.WECHAT + " by default";
    }

    private static WeChatHttpException transportFailure(WeChatRequest request, String what, Exception cause) {
        return new WeChatHttpException(request.api(), 0, null, request.label() + " failed: " + what,
                Redaction.withoutSecrets(cause, request.secretValues()));
    }

    private static HttpUriRequestBase toHttpRequest(WeChatRequest request) {
        HttpUriRequestBase httpRequest = request.method() == WeChatRequest.HttpMethod.GET
                ? new HttpGet(uri(request)) : new HttpPost(uri(request));
        if (request.body() instanceof RequestBody.Json json) {
            try {
                httpRequest.setEntity(new ByteArrayEntity(WireFormat.writer().writeValueAsBytes(json.value()),
                        ContentType.APPLICATION_JSON));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the " + request.api() + " request as JSON: "
                                                   + e.getOriginalMessage(), e);
            }
        } else if (request.body() instanceof RequestBody.MultipartFile file) {
            httpRequest.setEntity(MultipartEntityBuilder.create()
                    .addBinaryBody(file.partName(), file.content(), ContentType.create(file.contentType()),
                            file.fileName())
                    .build());
        }
        return httpRequest;
    }

    /**
     * Base URL and path, checked as a URI before the query is added, then the query, each value percent-encoded
     * (space as %20). Only the first step can fail on its input, and its input holds no credential; the query is
     * encoded, so the second cannot fail, and if it did its message would quote the token, so it is never kept.
     */
    private static URI uri(WeChatRequest request) {
        String withoutQuery = request.baseUrl() + request.path();
        try {
            new URI(withoutQuery);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(request.label() + ": baseUrl and path do not form a valid URL: "
                                               + e.getReason() + " at index " + e.getIndex());
        }
        StringBuilder url = new StringBuilder(160).append(withoutQuery);
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.query().entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        for (Map.Entry<String, Secret> credential : request.credentials().entrySet()) {
            url.append(separator).append(encode(credential.getKey())).append('=')
                    .append(encode(credential.getValue().reveal()));
            separator = '&';
        }
        try {
            return new URI(url.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(request.label() + ": the query does not form a valid URL");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
