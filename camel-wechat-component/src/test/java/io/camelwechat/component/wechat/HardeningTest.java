package io.camelwechat.component.wechat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelwechat.component.wechat.WeChatConstants.CATEGORY_FIRST;
import static io.camelwechat.component.wechat.WeChatConstants.CATEGORY_SECOND;
import static io.camelwechat.component.wechat.WeChatConstants.CERTIFICATES;
import static io.camelwechat.component.wechat.WeChatConstants.INDUSTRY_ID1;
import static io.camelwechat.component.wechat.WeChatConstants.INDUSTRY_ID2;
import static io.camelwechat.component.wechat.WeChatConstants.MEDIA_FILE_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs an outside bad-input corpus found accepted or badly explained (hardening issue, items 1 to 9): each
 * is refused before any call, with a message naming the input and what is allowed.
 */
class HardeningTest extends WeChatTestSupport {

    // 1. a wechat:api path with CR/LF: refused at creation (its URL error used to carry the live token)
    @Test
    void apiPathWithControlCharacters_isRefusedAtCreation() {
        String message = creationFailure("wechat:api?method=GET&path=/cgi-bin/wxopen/getcategory%0D%0AX-Evil:%201");

        assertTrue(message.contains("wechat:api path must not contain control characters"), message);
        assertEquals(0, simulator.totalRequests());
    }

    // 2. encoded traversal and dot segments: checked decoded and normalised
    @ParameterizedTest
    @ValueSource(strings = { "/cgi-bin/%2e%2e/admin", "/cgi-bin/.%2E/admin", "/cgi-bin/%2fadmin", "/cgi-bin/%252e%252e/x",
                             "/cgi-bin/./wxopen/getcategory", "/wxa/../admin", "/cgi-bin//x", "/cgi-bin/x\\..\\y" })
    void apiPathThatLeavesTheApisOnceDecoded_isRefusedAtCreation(String path) {
        String message = creationFailure("wechat:api?method=GET&path=RAW(" + path + ")");

        assertTrue(message.contains("wechat:api needs the path of a WeChat server API under /cgi-bin/ or /wxa/"),
                message);
        assertEquals(0, simulator.totalRequests());
    }

    // 3. a file name that would forge multipart headers
    @Test
    void uploadFileNameWithControlCharacters_isRefusedBeforeAnyCall() {
        IllegalArgumentException failure = sendExpecting(IllegalArgumentException.class, "wechat:media?op=upload",
                PNG, MEDIA_FILE_NAME, "a.png\r\nContent-Type: text/html");
        IllegalArgumentException fromFileHeader = sendExpecting(IllegalArgumentException.class,
                "wechat:media?op=upload", PNG, "CamelFileName", "b.png\n");

        assertTrue(failure.getMessage().contains("CamelWeChatMediaFileName, else CamelFileName) must not contain "
                                                 + "control characters"), failure.getMessage());
        assertTrue(fromFileHeader.getMessage().contains("must not contain control characters"));
        assertEquals(0, simulator.totalRequests());
    }

    // 4. a certificate list holding null
    @Test
    void certificateListHoldingNull_namesTheHeaderAndTheElement() {
        IllegalArgumentException failure = sendExpecting(IllegalArgumentException.class, "wechat:category?op=add",
                null, CATEGORY_FIRST, 8, CATEGORY_SECOND, 39, CERTIFICATES,
                Arrays.asList(Map.of("key", "licence", "value", "media-1"), null));

        assertTrue(failure.getMessage().contains("CamelWeChatCertificates must be a Map of qualification name to "
                                                 + "media_id, or a List of Certificate"), failure.getMessage());
        assertTrue(failure.getMessage().contains("CamelWeChatCertificates[1] is null"), failure.getMessage());
        assertEquals(0, simulator.totalRequests());
    }

    // 5. numeric and duration options, the push receiver's included, checked at creation naming the option
    @Test
    void pushReceiverOptionsOutOfRange_failAtCreationNamingTheOption() {
        String window = creationFailure("wechat:events?token=t&timestampWindow=-1");
        String negativeDuration = creationFailure("wechat:events?token=t&timestampWindow=-5s");
        String size = creationFailure("wechat:events?token=t&maxBodySize=-1");
        String concurrency = creationFailure("wechat:category?appId=" + APP_ID + "&pollConcurrency=0");
        String huge = creationFailure("wechat:events?token=t&maxBodySize=99999999999");

        assertTrue(window.startsWith("timestampWindow must be between 1000 and 86400000 ms"), window);
        assertTrue(window.endsWith("got '-1'"), window);
        assertTrue(negativeDuration.startsWith("timestampWindow must be between 1000 and 86400000 ms"),
                negativeDuration);
        assertTrue(negativeDuration.contains("got '-5s'"), negativeDuration);
        assertTrue(size.startsWith("maxBodySize must be between 1024 and 16777216 bytes, got '-1'"), size);
        assertTrue(concurrency.startsWith("pollConcurrency must be between 1 and 256, got '0'"), concurrency);
        assertTrue(huge.startsWith("maxBodySize must be between 1024 and 16777216 bytes, got '99999999999'"), huge);
    }

    @Test
    void componentOptionsOutOfRange_failTheStartNamingTheOption() throws Exception {
        WeChatComponent component = newComponent();
        component.setQuotaCooldown(-5);
        CamelContext other = new DefaultCamelContext();
        other.addComponent("wechat", component);

        Exception failure = assertThrows(Exception.class, other::start);

        assertTrue(rootMessage(failure).startsWith("quotaCooldown must be between 0 and 86400000 ms"),
                rootMessage(failure));
        other.close();
    }

    // 6. digits of other scripts: Java reads them as numbers, WeChat does not
    @ParameterizedTest
    @ValueSource(strings = { "１", "٣", "۸", "१" })
    void idsWrittenWithNonAsciiDigits_areRefusedNamingTheHeader(String digit) {
        IllegalArgumentException industry = sendExpecting(IllegalArgumentException.class, "wechat:industry?op=set",
                null, INDUSTRY_ID1, digit, INDUSTRY_ID2, "4");
        IllegalArgumentException category = sendExpecting(IllegalArgumentException.class,
                "wechat:category?op=delete", null, CATEGORY_FIRST, "8", CATEGORY_SECOND, "3" + digit);

        assertTrue(industry.getMessage().startsWith("CamelWeChatIndustryId1 must be an integer industry code"),
                industry.getMessage());
        assertTrue(industry.getMessage().endsWith("(only the ASCII digits 0-9 are accepted)"), industry.getMessage());
        assertTrue(category.getMessage().startsWith("CamelWeChatCategorySecond must be"), category.getMessage());
        assertEquals(0, simulator.totalRequests());
    }

    // 7. wechat:api takes JSON objects only
    @Test
    void apiBodyThatIsNotAJsonObject_isRefusedNamingTheTypesAllowed() {
        for (Object body : new Object[] { 42, List.of(1, 2), "[1,2]", "42", "\"text\"", true }) {
            IllegalArgumentException failure = sendExpecting(IllegalArgumentException.class,
                    "wechat:api?path=/cgi-bin/wxopen/addcategory", body);

            assertTrue(failure.getMessage().startsWith("wechat:api body must be a JSON object (a Map, a record or "
                                                       + "JSON text holding an object), got a JSON"),
                    failure.getMessage());
        }
        assertEquals(0, simulator.totalRequests());
    }

    // 8. baseUrl: checked at creation; a 404 or 40066 under it names it
    @ParameterizedTest
    @ValueSource(strings = { "http://host/x?y=1", "http://host/x#frag", "ftp://host", "http://user:pw@host",
                             "http://host:0", "127.0.0.1:8080", "http://host/a/../b", "http://ho st" })
    void baseUrlThatIsNoApiBase_isRefusedAtCreation(String baseUrl) {
        String message = creationFailure("wechat:category?op=list&baseUrl=RAW(" + baseUrl + ")");

        assertTrue(message.startsWith("baseUrl must be the scheme, host, optional port and optional path prefix"),
                message);
        assertFalse(message.contains("pw@"), "user info is never repeated: " + message);
    }

    @Test
    void aBaseUrlWhereWeChatsPathsAnswer404_isNamedInTheError() throws IOException {
        HttpServer notWeChat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notWeChat.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        notWeChat.start();
        try {
            String baseUrl = "http://127.0.0.1:" + notWeChat.getAddress().getPort() + "/gateway";
            WeChatHttpException failure = sendExpecting(WeChatHttpException.class,
                    "wechat:category?op=list&tokenMode=static&accessToken=RAW(t-1)&baseUrl=" + baseUrl, null);

            assertEquals(404, failure.getHttpResponseCode());
            assertTrue(failure.getMessage().contains("nothing answers /cgi-bin/wxopen/getcategory under baseUrl "
                                                     + baseUrl), failure.getMessage());
        } finally {
            notWeChat.stop(0);
        }
    }

    @Test
    void anInvalidUrlAnswer_namesTheBaseUrl() {
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40066, 1);

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=list", null);

        assertEquals(40066, failure.getErrcode());
        assertTrue(failure.getMessage().contains("under baseUrl " + simulator.baseUrl()), failure.getMessage());
    }

    // 9. a directory as the upload body
    @Test
    void uploadOfADirectory_namesTheBodyAndWhatIsAllowed(@TempDir Path directory) throws IOException {
        File file = Files.createDirectory(directory.resolve("images.png")).toFile();

        IllegalArgumentException failure = sendExpecting(IllegalArgumentException.class, "wechat:media?op=upload",
                file);

        assertEquals("message body is a directory (images.png), not a file: wechat:media?op=upload needs the file "
                     + "as byte[], File, Path or InputStream", failure.getMessage());
        assertEquals(0, simulator.totalRequests());
    }

    private String creationFailure(String uri) {
        ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));
        return rootMessage(failure);
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException || root.getCause() == null ? root.getMessage()
                : failure.getMessage();
    }
}
