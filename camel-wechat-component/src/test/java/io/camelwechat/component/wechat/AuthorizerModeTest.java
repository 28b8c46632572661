package io.camelwechat.component.wechat;

import java.nio.file.Path;
import java.time.Duration;

import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.spi.FileAuthorizerTokenStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tokenMode authorizer: verify ticket -> component_access_token -> authorizer_access_token per account. */
class AuthorizerModeTest extends WeChatTestSupport {

    private static final String COMPONENT = "wxcomponent000001";
    private static final String COMPONENT_SECRET = "component-secret-0123456789";
    private static final String SHOP = "wxauthorizershop01";
    private static final String CAFE = "wxauthorizercafe01";

    @TempDir
    Path folder;

    private String ticket;
    private String shopRefreshToken;
    private FileAuthorizerTokenStore store;

    @BeforeEach
    void authorizeTwoAccounts() {
        simulator.addComponent(COMPONENT, COMPONENT_SECRET);
        ticket = simulator.issueVerifyTicket(COMPONENT);
        shopRefreshToken = simulator.authorize(COMPONENT, SHOP);
        store = new FileAuthorizerTokenStore(folder.resolve("authorizers.properties"));
        // a platform saves each refresh token when the account authorizes it
        store.saveRefreshToken(COMPONENT, CAFE, simulator.authorize(COMPONENT, CAFE));
        context.getRegistry().bind("authorizerTokens", store);
    }

    private String uri(String op) {
        return "wechat:category?op=" + op + "&tokenMode=authorizer&componentAppId=" + COMPONENT
               + "&componentAppSecret=RAW(" + COMPONENT_SECRET + ")&componentVerifyTicket=RAW(" + ticket + ")"
               + "&appId=" + SHOP + "&authorizerRefreshToken=RAW(" + shopRefreshToken + ")"
               + "&authorizerTokenStore=#authorizerTokens";
    }

    @Test
    void chain_actsForTheAuthorizerAndSavesTheRotatedRefreshToken() {
        simulator.faults().rotateAuthorizerRefreshTokens(true); // older WeChat behaviour, still reported
        assertInstanceOf(SettingCategories.class, template.requestBody(uri("list"), (Object) null));

        assertEquals(1, simulator.requestCount("/cgi-bin/component/api_component_token"));
        assertEquals(1, simulator.requestCount("/cgi-bin/component/api_authorizer_token"));
        String rotated = store.loadRefreshToken(COMPONENT, SHOP).orElseThrow();
        assertNotEquals(shopRefreshToken, rotated, "WeChat rotated the refresh token");
        assertEquals(simulator.currentAuthorizerRefreshToken(COMPONENT, SHOP), rotated, "and it was saved");
    }

    @Test
    void aRefreshTokenWeChatHandsBackUnchanged_isKeptAsItIs() {
        assertInstanceOf(SettingCategories.class, template.requestBody(uri("list"), (Object) null));

        assertEquals(1, simulator.requestCount("/cgi-bin/component/api_authorizer_token"));
        assertEquals(shopRefreshToken, store.loadRefreshToken(COMPONENT, SHOP).orElseThrow(),
                "the current doc: the same authorizer_refresh_token comes back");
        assertEquals(shopRefreshToken, simulator.currentAuthorizerRefreshToken(COMPONENT, SHOP));
    }

    @Test
    void staleComponentToken_isRefetchedAndTheAuthorizerFetchRetriedOnce() {
        simulator.faults().failNext("/cgi-bin/component/api_authorizer_token", 40001, 1);

        assertInstanceOf(SettingCategories.class, template.requestBody(uri("list"), (Object) null));

        assertEquals(2, simulator.requestCount("/cgi-bin/component/api_component_token"));
        assertEquals(2, simulator.requestCount("/cgi-bin/component/api_authorizer_token"));
    }

    @Test
    void appIdHeader_picksAnotherAuthorizer_withOneComponentToken() {
        template.requestBody(uri("add"), CategoryRequest.of(1, 2));
        template.requestBodyAndHeader(uri("add"), CategoryRequest.of(1, 5), WeChatConstants.APP_ID, CAFE);

        assertEquals(2, simulator.account(SHOP).categories().get(0).second());
        assertEquals(5, simulator.account(CAFE).categories().get(0).second());
        assertEquals(1, simulator.requestCount("/cgi-bin/component/api_component_token"));
        assertEquals(2, simulator.requestCount("/cgi-bin/component/api_authorizer_token"));
    }

    @Test
    void restart_readsTheRotatedRefreshTokenFromTheFileStore() throws Exception {
        simulator.faults().rotateAuthorizerRefreshTokens(true);
        template.requestBody(uri("list"), (Object) null);
        context.stop();
        // the original refresh token ends 5 minutes after the rotation; only the saved one still works
        simulator.clock().advance(Duration.ofMinutes(10));

        try (CamelContext restarted = new DefaultCamelContext()) {
            WeChatComponent component = newComponent();
            component.setTicker(new FakeTicker());
            restarted.addComponent("wechat", component);
            restarted.getRegistry().bind("authorizerTokens",
                    new FileAuthorizerTokenStore(folder.resolve("authorizers.properties")));
            restarted.start();
            try (ProducerTemplate producer = restarted.createProducerTemplate()) {
                // the stale option value is only an initial value: the store's newer token wins
                Object answer = producer.requestBody(uri("list"), (Object) null);
                assertInstanceOf(SettingCategories.class, answer);
            }
        }
        assertEquals(2, simulator.requestCount("/cgi-bin/component/api_authorizer_token"));
    }

    @Test
    void revokedAuthorization_61023NamesTheAuthorizer() {
        template.requestBody(uri("list"), (Object) null);
        simulator.revokeAuthorization(COMPONENT, SHOP);
        ticker.advance(Duration.ofHours(3));
        simulator.clock().advance(Duration.ofHours(3));

        WeChatApiException failure = sendExpecting(WeChatApiException.class, uri("list"), null);

        assertEquals(61023, failure.getErrcode());
        assertTrue(failure.getMessage().contains("The authorizer_refresh_token of authorizer " + SHOP + " was "
                                                 + "rejected: the account must authorize component " + COMPONENT
                                                 + " again"), failure.getMessage());
    }

    @Test
    void noVerifyTicket_failsNamingTheComponent() {
        String withoutTicket = uri("list").replace("&componentVerifyTicket=RAW(" + ticket + ")", "");

        IllegalStateException failure = sendExpecting(IllegalStateException.class, withoutTicket, null);

        assertTrue(failure.getMessage().contains("no component_verify_ticket is known for component " + COMPONENT),
                failure.getMessage());
        assertEquals(0, simulator.requestCount("/cgi-bin/component/api_component_token"));
    }

    @Test
    void missingComponentOptions_failTheStartNamingTheOption() {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> template.requestBody("wechat:category?op=list&tokenMode=authorizer&appId=" + SHOP, (Object) null));

        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("needs the componentAppId option"), root.getMessage());
    }
}
