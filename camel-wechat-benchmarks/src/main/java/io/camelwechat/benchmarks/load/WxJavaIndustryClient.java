package io.camelwechat.benchmarks.load;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * WxJava, the usual Java SDK: {@link WxMpServiceImpl} with a {@link WxMpDefaultConfigImpl} (appId, secret, stable
 * access tokens) and {@link WxMpHostConfig#setApiHost} pointing at the simulator; everything else at WxJava's
 * defaults (Apache HttpClient 4 from its {@code DefaultApacheHttpClientBuilder}, retry sleep 1 s on {@code -1},
 * up to 5 retries, token refresh under the config's lock).
 */
final class WxJavaIndustryClient implements IndustryClient {

    private final WxMpServiceImpl service;

    WxJavaIndustryClient(String baseUrl, String appId, String secret) {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(appId);
        config.setSecret(secret);
        config.setUseStableAccessToken(true);
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(baseUrl);
        hosts.setMpHost(baseUrl);
        hosts.setOpenHost(baseUrl);
        config.setHostConfig(hosts);
        service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
    }

    @Override
    public String name() {
        return "WxJava";
    }

    @Override
    public Object getIndustry() throws Exception {
        return service.getTemplateMsgService().getIndustry();
    }

    /** WxJava's default HTTP pool: per-host and total connections. */
    static String defaultPool() {
        ApacheHttpClientBuilder builder = DefaultApacheHttpClientBuilder.get();
        if (builder instanceof DefaultApacheHttpClientBuilder defaults) {
            return defaults.getMaxConnPerHost() + " per host, " + defaults.getMaxTotalConn() + " in total";
        }
        return "unknown";
    }

    @Override
    public void close() {
        // WxJava's default builder hands every service the same, process-wide HttpClient: closing it here would
        // break the next WxJava client, so it is left open (loopback only)
    }
}
