package io.camelwechat.component.wechat;

import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.DeleteCategoryRequest;
import io.camelwechat.component.wechat.model.Industry;
import io.camelwechat.component.wechat.model.SetIndustryRequest;
import io.camelwechat.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches WeChat is what its documentation describes: methods, paths, and the token in the query only. */
class WireContractTest extends WeChatTestSupport {

    @Test
    void everyOperationUsesTheDocumentedMethodAndPath() {
        runEveryOperation();

        List<String> calls = simulator.requests().stream()
                .filter(request -> !request.path().equals("/cgi-bin/stable_token"))
                .map(request -> request.method() + " " + request.path()).toList();
        assertEquals(List.of(
                "POST /cgi-bin/template/api_set_industry",
                "GET /cgi-bin/template/get_industry",
                "GET /cgi-bin/wxopen/getallcategories",
                "POST /cgi-bin/wxopen/addcategory",
                "GET /cgi-bin/wxopen/getcategory",
                "POST /cgi-bin/wxopen/modifycategory",
                "POST /cgi-bin/wxopen/deletecategory",
                "POST /cgi-bin/media/upload"), calls);
        assertEquals(1, simulator.requestCount("/cgi-bin/stable_token"), "one token serves every call");
    }

    @Test
    void accessTokenTravelsInTheQueryOnly() {
        runEveryOperation();

        String token = simulator.stableToken(APP_ID);
        assertEquals(9, simulator.requests().size());
        for (RecordedRequest request : simulator.requests()) {
            if (request.path().equals("/cgi-bin/stable_token")) {
                assertFalse(request.query().containsKey("access_token"));
                continue;
            }
            assertEquals(token, request.query().get("access_token"), request.path());
            assertFalse(new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(token),
                    "token in the body of " + request.path());
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                assertFalse(header.getValue().toString().contains(token), "token in header " + header.getKey());
            }
        }
    }

    /** Every operation once, each one successful. */
    private void runEveryOperation() {
        simulator.registerMedia(APP_ID, "media-1");
        Certificate licence = Certificate.of("《因私出入境中介机构经营许可证》", "media-1");
        succeed("wechat:industry?op=set", SetIndustryRequest.of(Industry.IT_INTERNET_ECOMMERCE, Industry.IT_ELECTRONICS));
        succeed("wechat:industry?op=get", null);
        succeed("wechat:category?op=all", null);
        succeed("wechat:category?op=add", CategoryRequest.of(8, 39, licence));
        succeed("wechat:category?op=list", null);
        simulator.setAuditOutcome(APP_ID, 8, 39, "rejected for the test");
        simulator.clock().advance(java.time.Duration.ofMinutes(11));
        succeed("wechat:category?op=modify", CategoryRequest.of(8, 39, licence));
        simulator.clock().advance(java.time.Duration.ofMinutes(11));
        succeed("wechat:category?op=delete", new DeleteCategoryRequest(8, 39));
        succeed("wechat:media?op=upload", PNG);

    }

    private void succeed(String uri, Object body) {
        org.apache.camel.Exchange exchange = send(uri, body);
        assertNull(exchange.getException(), uri);
    }

    @Test
    void stableTokenRequestIsTheDocumentedJsonAndNeverForces() {
        send("wechat:category?op=list", null);

        RecordedRequest tokenRequest = requestsTo("/cgi-bin/stable_token").get(0);
        assertEquals("POST", tokenRequest.method());
        assertTrue(tokenRequest.contentType().startsWith("application/json"));
        String body = tokenRequest.bodyText();
        assertTrue(body.contains("\"grant_type\":\"client_credential\""), body);
        assertTrue(body.contains("\"appid\":\"" + APP_ID + "\""), body);
        assertTrue(body.contains("\"force_refresh\":false"), body);
        assertTrue(tokenRequest.query().isEmpty(), "the secret travels in the body, not the URL");
    }

    @Test
    void classicTokenRequestIsAGetWithGrantType() {
        send("wechat:category?op=list&tokenMode=classic", null);

        RecordedRequest tokenRequest = requestsTo("/cgi-bin/token").get(0);
        assertEquals("GET", tokenRequest.method());
        assertEquals("client_credential", tokenRequest.query().get("grant_type"));
        assertEquals(APP_ID, tokenRequest.query().get("appid"));
        assertNotNull(tokenRequest.query().get("secret"));
        assertEquals(0, simulator.requestCount("/cgi-bin/stable_token"));
    }
}
