package io.camelwechat.component.wechat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.model.SettingCategories;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointConfigurationTest extends WeChatTestSupport {

    @Test
    void unknownApi_failsAtEndpointCreationListingTheValidOnes() {
        ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("wechat:templates"));

        assertTrue(rootMessage(failure).contains("Unknown WeChat API 'templates' in wechat:templates; valid APIs are "
                                                 + "industry, category, media, events"), rootMessage(failure));
        assertEquals(0, simulator.totalRequests());
    }

    @Test
    void unknownOp_failsAtEndpointCreationListingTheValidOnes() {
        ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("wechat:industry?op=delete"));

        assertTrue(rootMessage(failure).contains("Unknown op 'delete' for wechat:industry; valid operations are "
                                                 + "set, get"), rootMessage(failure));
        assertEquals(0, simulator.totalRequests());
    }

    @Test
    void unknownTokenMode_failsAtEndpointCreation() {
        ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("wechat:industry?op=get&tokenMode=magic"));

        assertTrue(rootMessage(failure).contains("tokenMode must be one of stable, classic, static, authorizer, got magic"));
        assertEquals(0, simulator.totalRequests());
    }

    @Test
    void missingAppSecret_failsAtStartNamingTheOption() {
        String message = startFailureOf("wechat:industry?op=get&appId=wx0000000000test01", new WeChatComponent());

        assertTrue(message.contains("wechat:industry needs the appSecret option (on the endpoint or the wechat "
                                    + "component) when tokenMode is stable"), message);
    }

    @Test
    void missingAppId_failsAtStartNamingTheOption() {
        String message = startFailureOf("wechat:category?op=list&tokenMode=classic", new WeChatComponent());

        assertTrue(message.contains("needs the appId option"), message);
        assertTrue(message.contains("when tokenMode is classic"), message);
    }

    @Test
    void staticModeWithoutAccessToken_failsAtStartNamingTheOption() {
        String message = startFailureOf("wechat:category?op=list&tokenMode=static", new WeChatComponent());

        assertTrue(message.contains("needs the accessToken option"), message);
    }

    @Test
    void aPushReceiverRouteAddedBeforeTheStart_startsWithTheDefaultTicketStore() throws Exception {
        try (CamelContext plain = new DefaultCamelContext()) {
            plain.addComponent("wechat", new WeChatComponent());
            plain.addService(new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer(
                    vertxServerOn(org.apache.camel.test.AvailablePortFinder.getNextAvailable())));
            plain.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("wechat:events?token=RAW(t0ken)&appId=wx0000000000test01").to("mock:events");
                }
            });

            plain.start();

            assertTrue(plain.getRouteController().getRouteStatus(plain.getRoutes().get(0).getRouteId()).isStarted());
        }
    }

    private static org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration vertxServerOn(
            int port) {
        var configuration = new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        return configuration;
    }

    @Test
    void unreadableSslContextParameters_failsTheComponentStartNamingTheOption() {
        WeChatComponent component = new WeChatComponent();
        org.apache.camel.support.jsse.KeyStoreParameters trustStore = new org.apache.camel.support.jsse.KeyStoreParameters();
        trustStore.setResource("classpath:no-such-truststore.jks");
        trustStore.setPassword("changeit");
        org.apache.camel.support.jsse.TrustManagersParameters trustManagers = new org.apache.camel.support.jsse.TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        org.apache.camel.support.jsse.SSLContextParameters tls = new org.apache.camel.support.jsse.SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        component.setSslContextParameters(tls);

        String message = startFailureOf("wechat:category?op=list&appId=wx1&appSecret=s1", component);

        assertTrue(message.contains("no-such-truststore.jks"), message);
    }

    @Test
    void staticMode_usesTheGivenTokenAndFetchesNone() {
        String token = simulator.stableToken(APP_ID);
        simulator.clearRequests();

        Object body = template.requestBodyAndHeader("wechat:category?op=list&tokenMode=static&accessToken=RAW(" + token
                                                    + ")", null, "unused", 1);

        assertInstanceOf(SettingCategories.class, body);
        assertEquals(0, simulator.requestCount("/cgi-bin/stable_token") + simulator.requestCount("/cgi-bin/token"));
        assertEquals(token, requestsTo("/cgi-bin/wxopen/getcategory").get(0).query().get("access_token"));
    }

    @Test
    void endpointsOfOneAccountShareOneToken() {
        template.requestBody("wechat:category?op=list", (Object) null);
        template.requestBody("wechat:category?op=all", (Object) null);
        template.requestBody("wechat:industry?op=get", (Object) null);

        assertEquals(1, simulator.requestCount("/cgi-bin/stable_token"));
    }

    @Test
    void componentOptionsAreDefaultsThatEndpointsOverride() {
        WeChatEndpoint endpoint = context.getEndpoint("wechat:media?op=upload&mediaMaxSize=2048", WeChatEndpoint.class);

        assertEquals(2048, endpoint.getConfiguration().getMediaMaxSize());
        assertEquals(simulator.baseUrl(), endpoint.getConfiguration().getBaseUrl(), "inherited from the component");
        assertEquals(WeChatConfiguration.DEFAULT_MEDIA_MAX_SIZE, component().getConfiguration().getMediaMaxSize());
    }

    @Test
    void catalogMetadataDescribesEveryOptionAndHeaderAndMarksSecrets() throws Exception {
        String json = ((CatalogCamelContext) context).getComponentParameterJsonSchema("wechat");
        JsonNode catalog = new ObjectMapper().readTree(json);

        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            catalog.get(section).fields().forEachRemaining(option -> assertFalse(
                    option.getValue().path("description").asText().isBlank(), section + "." + option.getKey()));
        }
        for (String secret : new String[] { "appSecret", "accessToken" }) {
            assertTrue(catalog.at("/properties/" + secret + "/secret").asBoolean(), secret);
            assertTrue(catalog.at("/componentProperties/" + secret + "/secret").asBoolean(), secret);
        }
        assertEquals("stable", catalog.at("/properties/tokenMode/defaultValue").asText());
        assertTrue(catalog.get("headers").has(WeChatConstants.CERTIFICATES));
    }

    @Test
    void generatedConfigurerBindsNestedConfigurationOptionsOnTheComponent() {
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("wechat-component", context);
        WeChatComponent component = new WeChatComponent();

        PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withConfigurer(configurer)
                .withReflection(false)
                .withProperties(new HashMap<>(Map.of("appId", "wxbound", "tokenExpiryMargin", "2m",
                        "responseTimeout", "3s")))
                .bind();

        assertEquals("wxbound", component.getConfiguration().getAppId());
        assertEquals(120_000, component.getConfiguration().getTokenExpiryMargin());
        assertEquals(3_000, component.getResponseTimeout());
    }

    private String startFailureOf(String uri, WeChatComponent component) {
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        try (CamelContext plain = new DefaultCamelContext()) {
            plain.addComponent("wechat", component);
            plain.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            Exception failure = assertThrows(Exception.class, plain::start);
            assertEquals(0, simulator.totalRequests(), "a start that fails on options calls nothing");
            return rootMessage(failure);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
