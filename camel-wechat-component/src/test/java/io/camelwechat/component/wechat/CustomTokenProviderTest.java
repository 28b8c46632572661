package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.ForceRefreshRefusedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** accessTokenProvider=#bean: a user's token service supplies the tokens and hears about rejected ones. */
class CustomTokenProviderTest extends WeChatTestSupport {

    /** Hands out WeChat's current stable token, as a central token service would. */
    private class CentralTokenService implements AccessTokenProvider {
        final List<String> invalidated = new ArrayList<>();

        @Override
        public AccessToken getToken(String appId) {
            return new AccessToken(simulator.stableToken(appId), Duration.ofHours(2));
        }

        @Override
        public void invalidate(String appId, String rejectedToken) {
            invalidated.add(appId);
        }
    }

    @Test
    void customProvider_suppliesTokensAndIsToldOfRejections() throws Exception {
        CentralTokenService service = new CentralTokenService();
        context.getRegistry().bind("centralTokens", service);
        String uri = "wechat:category?op=list&accessTokenProvider=#centralTokens";

        assertInstanceOf(SettingCategories.class, template.requestBody(uri, (Object) null));
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);
        sendExpecting(io.camelwechat.component.wechat.WeChatApiException.class, uri, null);

        assertEquals(List.of(APP_ID), service.invalidated);
        assertEquals(0, simulator.requestCount("/cgi-bin/stable_token"), "the component fetched no token itself");
    }

    @Test
    void aCustomProvidersOwnFailureOnForceRefresh_isNotReportedAsWeChatsLimit() {
        // a provider that cannot reach its own backend while forcing: not a rate limit, and not to be called one
        AccessTokenProvider failingToForce = new CentralTokenService() {
            @Override
            public Optional<AccessToken> forceRefresh(String appId, String rejectedToken) {
                throw new IllegalStateException("token service unreachable");
            }
        };
        AccessTokenProvider limited = new CentralTokenService() {
            @Override
            public Optional<AccessToken> forceRefresh(String appId, String rejectedToken) {
                throw new ForceRefreshRefusedException("the last forced refresh was less than 30 s ago");
            }
        };
        context.getRegistry().bind("failingToForce", failingToForce);
        context.getRegistry().bind("limited", limited);
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 2);

        Exception unrelated = sendExpecting(IllegalStateException.class,
                "wechat:category?op=list&accessTokenProvider=#failingToForce", null);
        WeChatApiException rateLimited = sendExpecting(WeChatApiException.class,
                "wechat:category?op=list&accessTokenProvider=#limited", null);

        assertEquals("token service unreachable", unrelated.getMessage(), "the provider's failure, as it is");
        assertEquals(40001, rateLimited.getErrcode());
        assertTrue(rateLimited.getMessage().endsWith("The token source handed out the rejected token again and the "
                                                     + "last forced refresh was less than 30 s ago"),
                rateLimited.getMessage());
    }
}
