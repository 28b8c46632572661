package io.camelwechat.benchmarks.load;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.WeChatComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component: {@code wechat:industry?op=get} sent with a ProducerTemplate, the component configured with
 * baseUrl, appId and appSecret (stable tokens, default cache and retry options). The endpoint is resolved once,
 * as a route's {@code to()} does; each call goes through the template's producer cache.
 */
final class ComponentIndustryClient implements IndustryClient {

    static final String URI = "wechat:industry?op=get";

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint endpoint;

    ComponentIndustryClient(String baseUrl, String appId, String secret, Ticker ticker) {
        this(baseUrl, appId, secret, ticker, null, null);
    }

    /**
     * A node of a cluster: with {@code dataSource} set, the component shares tokens through that database (its
     * {@code dataSource} option), in tables whose names start with {@code tablePrefix}.
     */
    ComponentIndustryClient(String baseUrl, String appId, String secret, Ticker ticker, DataSource dataSource,
                            String tablePrefix) {
        context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        WeChatComponent component = new WeChatComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setAppId(appId);
        component.getConfiguration().setAppSecret(secret);
        if (ticker != null) {
            component.setTicker(ticker);
        }
        if (dataSource != null) {
            component.setDataSource(dataSource);
            component.setTablePrefix(tablePrefix);
        }
        context.addComponent("wechat", component);
        context.start();
        template = context.createProducerTemplate();
        endpoint = context.getEndpoint(URI);
    }

    @Override
    public String name() {
        return "component";
    }

    @Override
    public Object getIndustry() {
        return template.requestBody(endpoint, (Object) null);
    }

    @Override
    public void close() {
        try {
            template.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the CamelContext failed", e);
        }
    }
}
