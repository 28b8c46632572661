package io.camelwechat.component.wechat.internal.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.spi.Secret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport never lets a credential out in an exception, whatever a library put in its messages. */
class RedactionTest {

    private static final String TOKEN = "live-access-token-7f3a9c";

    @Test
    void aCauseChainQuotingTheToken_isReplacedByMaskedCopies_keepingClassesAndStacks() {
        URISyntaxException quoting = new URISyntaxException("http://h/cgi-bin/x?access_token=" + TOKEN, "Illegal");
        IOException outer = new IOException("request failed", new IllegalArgumentException(quoting));

        Throwable safe = Redaction.withoutSecrets(outer, List.of(TOKEN));

        int depth = 0;
        for (Throwable t = safe; t != null; t = t.getCause(), depth++) {
            assertFalse(t.toString().contains(TOKEN), t.toString());
            assertTrue(t instanceof Redaction.RedactedException, t.getClass().getName());
        }
        assertEquals(3, depth, "every link of the chain is kept");
        assertTrue(safe.getCause().getCause().toString().startsWith("java.net.URISyntaxException (secrets masked): "),
                safe.getCause().getCause().toString());
        assertEquals(outer.getStackTrace().length, safe.getStackTrace().length);
    }

    @Test
    void aChainWithoutSecrets_isKeptAsItIs() {
        IOException harmless = new IOException("Connection refused");

        assertSame(harmless, Redaction.withoutSecrets(harmless, List.of(TOKEN)));
    }

    @Test
    void aPathThatIsNoUrl_failsWithoutQuotingTheToken() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (WeChatHttpClient client = new WeChatHttpClient(new HttpTransportSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, null, 0, null))) {
            // the component refuses such a path when the endpoint is created; the transport must hold by itself
            WeChatRequest request = new WeChatRequest("x", HttpMethod.GET, "http://127.0.0.1:" + port,
                    "/cgi-bin/a b\r\nHost: evil", Map.of(), null).withAccessToken(Secret.of(TOKEN));

            RuntimeException failure = assertThrows(RuntimeException.class, () -> client.execute(request, Map.class));

            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertFalse(t.toString().contains(TOKEN), t.toString());
            }
            assertTrue(failure.getMessage().contains("baseUrl and path do not form a valid URL"), failure.getMessage());
        }
    }

    @Test
    void credentialsInTokenRequestBodies_areKnownAsSecrets() {
        WeChatRequest request = new WeChatRequest("getStableAccessToken", HttpMethod.POST, "http://h", "/cgi-bin/x",
                Map.of(), new RequestBody.Json(Map.of("appid", "wx1", "secret", Secret.of("app-secret-1"))))
                .withAccessToken(Secret.of(TOKEN));

        assertEquals(List.of(TOKEN, "app-secret-1"), request.secretValues());
    }
}
