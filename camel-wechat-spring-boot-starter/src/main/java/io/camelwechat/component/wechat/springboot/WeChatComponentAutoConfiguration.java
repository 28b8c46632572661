package io.camelwechat.component.wechat.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.wechat.*} properties to the {@code wechat} component when Camel creates it, as
 * Camel's generated starters do: a {@link ComponentCustomizer} copies the properties through the component's
 * generated configurer, which knows the catalog's flat option names, including those the component keeps in its
 * nested {@code configuration}. Two differences: unset properties are {@code null} and not copied, so the
 * component's defaults stay, and a {@code configuration} bean is set before the flat options that refine it.
 * <p>
 * {@code camel.component.wechat.enabled=false} turns the auto-configuration off,
 * {@code camel.component.wechat.customizer.enabled=false} only the copying.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, WeChatComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.wechat" })
public class WeChatComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureWeChatComponent(CamelContext camelContext,
            ApplicationContext applicationContext, WeChatComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                // a configuration bean goes first, so that the flat options refine it rather than being replaced
                Map<String, Object> properties = new LinkedHashMap<>();
                if (configuration.getConfiguration() != null) {
                    properties.put("configuration", configuration.getConfiguration());
                }
                properties.putAll(CamelPropertiesHelper.getNonNullProperties(camelContext, configuration));
                CamelPropertiesHelper.copyProperties(camelContext, properties, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof WeChatComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               "camel.component.wechat.customizer");
            }
        };
    }
}
