package io.camelwechat.simulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Encrypts, signs and POSTs one push attempt, and says how it went. A push counts as delivered only on HTTP
 * 200 with the body {@code success} exactly (facts section 3: "reply plain success"). Never throws: every
 * failure becomes a {@link PushRecord}. Thread-safe.
 */
final class PushSender {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int NONCE_DIGITS = 10;

    private final RandomIds ids;
    private HttpClient client;

    PushSender(RandomIds ids) {
        this.ids = ids;
    }

    PushRecord send(PendingPush push, Instant now) {
        PushTarget target = push.target();
        WeChatPushes.SignedPush signed = WeChatPushes.builder(target.token(), target.encodingAesKey())
                .receiveId(target.receiveId())
                .outerElement(target.outerName(), target.outerValue())
                .timestamp(now.getEpochSecond())
                .nonce(ids.digits(NONCE_DIGITS))
                .random16(ids.bytes(PushCrypto.RANDOM_LENGTH))
                .build(push.plaintextXml());
        HttpRequest request = HttpRequest.newBuilder(signed.uri(target.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String failure = response.statusCode() != 200 ? "HTTP " + response.statusCode()
                    : !"success".equals(response.body()) ? "the body was not \"success\"" : null;
            return record(push, response.statusCode(), response.body(), now, failure);
        } catch (IOException e) {
            return record(push, 0, null, now, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // whoever moved the clock is being stopped: give up on this one
            return record(push, 0, null, now, "interrupted");
        } catch (RuntimeException e) { // e.g. a callback URL the client refuses: recorded, never thrown at the clock
            return record(push, 0, null, now, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static PushRecord record(PendingPush push, int status, String body, Instant now, String failure) {
        return new PushRecord(push.target().url(), push.kind(), push.plaintextXml(), status, body, now,
                push.attempt(), failure);
    }

    /** Created on the first push, so the many simulators that never push start no client threads. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // WeChat posts plain HTTP/1.1; no h2c upgrade attempts
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
