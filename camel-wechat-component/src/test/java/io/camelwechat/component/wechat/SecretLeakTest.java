package io.camelwechat.component.wechat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs successful and failing calls with the component's logging at TRACE (and Camel's at DEBUG) and checks that
 * no access token and no app secret reaches a log line, an exception message or a printed URI.
 */
class SecretLeakTest extends WeChatTestSupport {

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start("secret-leak-capture");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void noTokenOrSecretInLogsExceptionsOrUris() throws Exception {
        String uriSecret = "uri-secret-that-must-not-leak-42";
        simulator.addAccount("wx0000000000test02", uriSecret);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:second-account").routeId("second-account")
                        .to("wechat:category?op=list&appId=wx0000000000test02&appSecret=" + uriSecret);
            }
        });
        List<Exchange> exchanges = new ArrayList<>();
        exchanges.add(send("wechat:category?op=list", null));
        exchanges.add(send("wechat:category?op=list&tokenMode=classic", null));
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);
        exchanges.add(send("wechat:category?op=list&tokenMode=classic", null));
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);
        exchanges.add(send("wechat:category?op=list", null));
        exchanges.add(send("wechat:category?op=add", CategoryRequest.of(8, 39)));
        exchanges.add(send("wechat:category?op=add", CategoryRequest.of(8, 39)));
        simulator.faults().httpStatusNext(null, 500, 1);
        exchanges.add(send("wechat:category?op=list", null));
        simulator.faults().rawBodyNext(null, "text/plain", "not json", 1);
        exchanges.add(send("wechat:category?op=list", null));
        exchanges.add(send("wechat:industry?op=set", null, WeChatConstants.INDUSTRY_ID1, "x"));
        exchanges.add(template.send("direct:second-account", exchange -> { }));
        String staticToken = "static-token-that-must-not-leak-7";
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        exchanges.add(send("wechat:category?op=list&tokenMode=static&accessToken=RAW(" + staticToken
                           + ")&baseUrl=http://127.0.0.1:" + closedPort, null));
        simulator.addComponent("wxcomponent000001", "component-secret-that-must-not-leak");
        String ticket = simulator.issueVerifyTicket("wxcomponent000001");
        String refreshToken = simulator.authorize("wxcomponent000001", "wxauthorizer00001");
        // the verify ticket in the URI, where Camel masks it (4.15 and later); on Camel 4.14, which cannot, on the
        // component, as the component's warning there says
        String ticketOption = "&componentVerifyTicket=RAW(" + ticket + ")";
        if (!CamelMasking.masksTheComponentsOwnWords()) {
            component().getConfiguration().setComponentVerifyTicket(ticket);
            ticketOption = "";
        }
        String authorizerUri = "wechat:category?op=list&tokenMode=authorizer&componentAppId=wxcomponent000001"
                               + "&componentAppSecret=RAW(component-secret-that-must-not-leak)" + ticketOption
                               + "&appId=wxauthorizer00001&authorizerRefreshToken=RAW(" + refreshToken + ")";
        exchanges.add(send(authorizerUri, null));
        simulator.revokeAuthorization("wxcomponent000001", "wxauthorizer00001");
        exchanges.add(send(authorizerUri, null, WeChatConstants.APP_ID, "wxauthorizer00002"));
        simulator.faults().quotaExhausted(APP_ID, true);
        exchanges.add(send("wechat:category?op=list&tokenMode=classic", null));

        Set<String> issued = secretsSeen();
        // stable and classic tokens of two accounts, a component token and an authorizer token went on the wire
        assertTrue(issued.size() >= 4, "tokens of both modes and accounts were issued: " + issued.size());
        assertTrue(simulator.requests().stream().anyMatch(request -> request.query()
                .containsKey("component_access_token")), "a component_access_token was issued and sent");
        Set<String> secrets = new LinkedHashSet<>(issued);
        secrets.add(APP_SECRET);
        secrets.add(uriSecret);
        secrets.add(staticToken);
        secrets.add("component-secret-that-must-not-leak");
        secrets.add(ticket);
        secrets.add(refreshToken);
        String rotatedRefreshToken = simulator.currentAuthorizerRefreshToken("wxcomponent000001", "wxauthorizer00001");
        if (rotatedRefreshToken != null) {
            secrets.add(rotatedRefreshToken);
        }
        String log = logs.text();
        assertTrue(log.contains("getSettingCategories"), "the component's own debug lines were captured");
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a secret or token reached the log: " + logs.lineWith(secret));
            for (Exchange exchange : exchanges) {
                for (Throwable failure = exchange.getException(); failure != null; failure = failure.getCause()) {
                    assertFalse(String.valueOf(failure.getMessage()).contains(secret),
                            "a secret or token is in an exception message: " + failure.getClass());
                    assertFalse(failure.toString().contains(secret));
                }
            }
            context.getEndpoints().forEach(endpoint -> {
                assertFalse(endpoint.toString().contains(secret), "endpoint toString shows a secret");
            });
        }
        assertFalse(new AccessToken("token-value-1", java.time.Duration.ZERO).toString().contains("token-value-1"));
        assertFalse(component().getConfiguration().toString().contains(APP_SECRET));
    }

    @Test
    void pushCredentialsInEndpointUris_areMasked() {
        String aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        String uri = "wechat:events?path=/leak&token=RAW(push-token-that-must-not-leak)&encodingAesKey=RAW(" + aesKey
                     + ")&appId=" + APP_ID;
        List<String> shownUris = List.of(URISupport.sanitizeUri(uri), context.getEndpoint(uri).toString());
        assertNotShown(shownUris, "push-token-that-must-not-leak");
        assumeTrue(CamelMasking.masksTheComponentsOwnWords(), CamelMasking.NOT_ON_CAMEL_4_14);
        assertNotShown(shownUris, aesKey);
    }

    private static void assertNotShown(List<String> shownUris, String secret) {
        for (String shown : shownUris) {
            assertFalse(shown.contains(secret), "a push credential is shown: " + shown.replace(secret, "<SECRET>"));
        }
    }

    /** Every access token WeChat handed out during the test, taken from the requests that carried them. */
    private Set<String> secretsSeen() {
        Set<String> tokens = new LinkedHashSet<>();
        for (RecordedRequest request : simulator.requests()) {
            for (String parameter : new String[] { "access_token", "component_access_token" }) {
                String token = request.query().get(parameter);
                if (token != null) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }
}
