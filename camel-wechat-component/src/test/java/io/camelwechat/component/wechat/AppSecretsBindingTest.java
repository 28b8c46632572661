package io.camelwechat.component.wechat;

import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code camel.component.wechat.app-secrets[wx...]=...} reaches the component as camel-main and camel run bind it:
 * one map entry per account, through the component's generated configurer, with the case of the appid kept.
 */
class AppSecretsBindingTest {

    @Test
    void eachBracketedKeyIsOneAccountsSecret() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            WeChatComponent component = new WeChatComponent();
            context.addComponent("wechat", component);
            PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withIgnoreCase(true)
                    .withConfigurer(new WeChatComponentConfigurer())
                    .withProperties(new java.util.LinkedHashMap<>(Map.of(
                            "appSecrets[wxFirstAccount01]", "first-secret",
                            "appsecrets[wxSecondAccount2]", "second-secret")))
                    .bind();

            assertEquals(Map.of("wxFirstAccount01", "first-secret", "wxSecondAccount2", "second-secret"),
                    component.getAppSecrets());
        }
    }
}
