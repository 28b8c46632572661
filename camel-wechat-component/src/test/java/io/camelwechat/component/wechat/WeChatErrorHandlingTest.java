package io.camelwechat.component.wechat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.camelwechat.component.wechat.WeChatHttpException;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.SettingCategories;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WeChat's errcodes and HTTP-level failures surface as typed exceptions; stale tokens are retried once. */
class WeChatErrorHandlingTest extends WeChatTestSupport {

    private static final String LIST_PATH = "/cgi-bin/wxopen/getcategory";
    private static final String STABLE_PATH = "/cgi-bin/stable_token";
    private static final String CLASSIC_PATH = "/cgi-bin/token";

    @ParameterizedTest(name = "errcode {0}")
    @ValueSource(ints = { 40001, 40014, 42001 })
    void tokenRejected_classicToken_isRefetchedAndRetriedOnce(int errcode) {
        send("wechat:category?op=list&tokenMode=classic", null);
        simulator.faults().failNext(LIST_PATH, errcode, 1);

        Exchange exchange = send("wechat:category?op=list&tokenMode=classic", null);

        assertInstanceOf(SettingCategories.class, exchange.getMessage().getBody());
        assertEquals(2, simulator.requestCount(CLASSIC_PATH), "one fetch at first use, one after the rejection");
        assertEquals(3, simulator.requestCount(LIST_PATH), "the first call, the rejected one and its retry");
        String rejected = requestsTo(LIST_PATH).get(1).query().get("access_token");
        String retried = requestsTo(LIST_PATH).get(2).query().get("access_token");
        assertNotEquals(rejected, retried, "the retry uses the fresh token");
    }

    @Test
    void neverMoreThanOneRetry_evenWhenTheFreshTokenIsRejectedToo() {
        send("wechat:category?op=list&tokenMode=classic", null);
        simulator.faults().failNext(LIST_PATH, 40001, 2);

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=list&tokenMode=classic",
                null);

        assertEquals(40001, failure.getErrcode());
        assertEquals(1 + 2, simulator.requestCount(LIST_PATH), "the first call, then the call and one retry");
        assertEquals(2, simulator.requestCount(CLASSIC_PATH));
    }

    @Test
    void invalidCredential40001_afterAnotherNodeForcedARefresh_stableTokenRecovers() throws Exception {
        send("wechat:category?op=list", null);
        forceRefreshStableTokenAsAnotherClient();

        Exchange exchange = send("wechat:category?op=list", null);

        assertInstanceOf(SettingCategories.class, exchange.getMessage().getBody());
        assertEquals(2 + 1, simulator.requestCount(STABLE_PATH), "ours, the other client's, ours again");
        assertEquals(3, simulator.requestCount(LIST_PATH));
    }

    @Test
    void accessTokenExpired42001_isRefetchedAndRetriedOnce() {
        send("wechat:category?op=list", null);
        // WeChat's clock runs past the token's lifetime while ours (the cache ticker) does not: 42001
        simulator.clock().advance(Duration.ofHours(3));

        Exchange exchange = send("wechat:category?op=list", null);

        assertInstanceOf(SettingCategories.class, exchange.getMessage().getBody());
        assertEquals(2, simulator.requestCount(STABLE_PATH));
        assertEquals(3, simulator.requestCount(LIST_PATH));
    }

    @Test
    void tokenRejectedButTheSameTokenComesBack_failsWithoutLooping() {
        simulator.faults().failNext(LIST_PATH, 40001, 5);

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=list", null);

        assertEquals(40001, failure.getErrcode());
        assertTrue(failure.getMessage().contains("The token source handed out the rejected token again, so the call was "
                                                 + "not retried"), failure.getMessage());
        assertEquals(1, simulator.requestCount(LIST_PATH), "no retry with the token WeChat just rejected");
        assertEquals(2, simulator.requestCount(STABLE_PATH), "the rejected token was dropped and fetched again");
    }

    @Test
    void duplicateCategory53304() {
        CategoryRequest category = addLicencedCategory();

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=add", category);

        assertEquals(53304, failure.getErrcode());
        assertEquals("addCategory", failure.getApi());
        assertTrue(failure.getMessage().contains("addCategory (POST /cgi-bin/wxopen/addcategory) failed with errcode "
                                                 + "53304"), failure.getMessage());
    }

    @Test
    void onlyRejectedCategoriesCanBeModified53307() {
        CategoryRequest category = addLicencedCategory();

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=modify", category);

        assertEquals(53307, failure.getErrcode());
        assertEquals("modifyCategory", failure.getApi());
    }

    @Test
    void invalidIndustry40102() {
        simulator.faults().failNext("/cgi-bin/template/api_set_industry", 40102, 1);

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:industry?op=set", null,
                WeChatConstants.INDUSTRY_ID1, 1, WeChatConstants.INDUSTRY_ID2, 2);

        assertEquals(40102, failure.getErrcode());
        assertEquals("setIndustry", failure.getApi());
        assertTrue(failure.getErrmsg().length() > 0);
    }

    @Test
    void systemBusy_onAWrite_isSurfacedAsApiException() {
        simulator.faults().failNext("/cgi-bin/wxopen/addcategory", -1, 1);

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=add",
                CategoryRequest.of(1, 2));

        assertEquals(-1, failure.getErrcode());
        assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/addcategory"));
    }

    @Test
    void answerThatIsNotJson() {
        simulator.faults().rawBodyNext(LIST_PATH, "text/html", "<html>gateway error</html>", 1);

        WeChatHttpException failure = sendExpecting(WeChatHttpException.class, "wechat:category?op=list", null);

        assertTrue(failure.getMessage().contains("getSettingCategories (GET /cgi-bin/wxopen/getcategory) answered "
                                                 + "something that is not a JSON object"), failure.getMessage());
        assertEquals(200, failure.getHttpResponseCode());
    }

    @Test
    void http500() {
        simulator.faults().httpStatusNext(LIST_PATH, 500, 1);

        WeChatHttpException failure = sendExpecting(WeChatHttpException.class, "wechat:category?op=list", null);

        assertEquals(500, failure.getHttpResponseCode());
        assertTrue(failure.getMessage().contains("getSettingCategories (GET /cgi-bin/wxopen/getcategory) answered "
                                                 + "HTTP 500"), failure.getMessage());
    }

    @Test
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        WeChatHttpException failure = sendExpecting(WeChatHttpException.class,
                "wechat:category?op=list&tokenMode=static&accessToken=RAW(static-token-1)&baseUrl=http://127.0.0.1:"
                                                                        + closedPort,
                null);

        assertEquals(0, failure.getHttpResponseCode());
        assertTrue(failure.getMessage().contains("getSettingCategories (GET /cgi-bin/wxopen/getcategory) failed: "
                                                 + "could not connect to http://127.0.0.1:" + closedPort),
                failure.getMessage());
    }

    /** Adds 教育/出国移民 with its licence; it is under review afterwards. */
    private CategoryRequest addLicencedCategory() {
        simulator.registerMedia(APP_ID, "media-1");
        CategoryRequest category = CategoryRequest.of(8, 39, Certificate.of("《因私出入境中介机构经营许可证》", "media-1"));
        send("wechat:category?op=add", category);
        return category;
    }

    private void forceRefreshStableTokenAsAnotherClient() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + STABLE_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID + "\",\"secret\":\"" + APP_SECRET
                                                          + "\",\"force_refresh\":true}"))
                .header("Content-Type", "application/json").build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().contains("access_token"), answer.body());
    }

    @Test
    void aTokenAnswerWithABlankToken_saysSo() {
        simulator.faults().rawBodyNext("/cgi-bin/stable_token", "application/json",
                "{\"access_token\":\"\",\"expires_in\":7200}", 1);

        WeChatHttpException failure = sendExpecting(WeChatHttpException.class, "wechat:category?op=list", null);

        assertTrue(failure.getMessage().endsWith("answered without an access_token"), failure.getMessage());
    }
}
