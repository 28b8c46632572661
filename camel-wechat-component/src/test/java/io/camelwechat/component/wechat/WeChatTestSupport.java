package io.camelwechat.component.wechat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import io.camelwechat.simulator.RecordedRequest;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts a fresh WeChat simulator on 127.0.0.1 (a free port) for each test and registers the wechat component
 * pointed at it, with a token-cache ticker the test moves by hand.
 */
public abstract class WeChatTestSupport extends CamelTestSupport {

    public static final String APP_ID = "wx0000000000test01";
    public static final String APP_SECRET = "test-app-secret-0123456789abcdef";

    /** A 1x1 transparent PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    protected WeChatSimulator simulator;
    protected final FakeTicker ticker = new FakeTicker();

    @Override
    protected void doPreSetup() throws Exception {
        simulator = WeChatSimulator.builder().account(APP_ID, APP_SECRET).build().start();
        super.doPreSetup();
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("wechat", newComponent());
        return context;
    }

    protected WeChatComponent newComponent() {
        WeChatComponent component = new WeChatComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setAppId(APP_ID);
        component.getConfiguration().setAppSecret(APP_SECRET);
        component.setTicker(ticker);
        component.setResponseTimeout(5_000);
        return component;
    }

    protected WeChatComponent component() {
        return context.getComponent("wechat", WeChatComponent.class);
    }

    /** Sends a body and headers to a URI and returns the exchange, failed or not. */
    protected Exchange send(String uri, Object body, Object... headerPairs) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i < headerPairs.length; i += 2) {
                exchange.getMessage().setHeader((String) headerPairs[i], headerPairs[i + 1]);
            }
        });
    }

    /** Sends and expects the exchange to fail with the given exception type, which is returned. */
    protected <T extends Throwable> T sendExpecting(Class<T> type, String uri, Object body, Object... headerPairs) {
        Exchange exchange = send(uri, body, headerPairs);
        assertNotNull(exchange.getException(), "expected the exchange to fail, body was "
                                               + exchange.getMessage().getBody());
        return assertInstanceOf(type, exchange.getException());
    }

    /** Another node forces a stable_token refresh: WeChat ends the token every cached call is about to use. */
    protected void forceRefreshAsAnotherNode() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/cgi-bin/stable_token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID
                                                          + "\",\"secret\":\"" + APP_SECRET
                                                          + "\",\"force_refresh\":true}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().contains("access_token"), answer.body());
    }

    protected List<RecordedRequest> requestsTo(String path) {
        return simulator.requests().stream().filter(request -> request.path().equals(path)).toList();
    }
}
