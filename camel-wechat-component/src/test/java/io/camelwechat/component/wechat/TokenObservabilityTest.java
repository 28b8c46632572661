package io.camelwechat.component.wechat;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import io.camelwechat.simulator.RecordedRequest;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token counters over JMX and the readiness check, with no token or secret in either. */
class TokenObservabilityTest extends WeChatTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Test
    void jmx_exposesTokenStatisticsPerAccount() throws Exception {
        template.requestBody("wechat:category?op=list&tokenMode=classic", (Object) null);
        template.requestBody("wechat:category?op=all&tokenMode=classic", (Object) null);
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", -1, 1);
        template.requestBody("wechat:category?op=list&tokenMode=classic&busyRetryDelay=1", (Object) null);

        TabularData table = (TabularData) mbeanServer().getAttribute(componentMBean(), "TokenStatistics");

        CompositeData account = table.get(new Object[] { APP_ID });
        assertEquals(2L, account.get("fetches"), "the first fetch and the refetch after the 40001");
        assertEquals(2L, account.get("hits"), "all, and the third call's first attempt");
        assertEquals(1L, account.get("invalidations"));
        assertEquals(1L, account.get("tokenRetries"));
        assertEquals(1L, account.get("busyRetries"));
        assertEquals(0L, account.get("circuitOpenSeconds"));
        String everything = table.toString() + mbeanServer().getAttribute(componentMBean(), "OpenQuotaCircuits");
        assertFalse(everything.contains(APP_SECRET));
        for (RecordedRequest request : simulator.requests()) {
            String token = request.query().get("access_token");
            assertFalse(token != null && everything.contains(token), "no token in JMX");
        }
    }

    @Test
    void readinessProbesAnAccountWhileAnyProducerActingForItRuns() throws Exception {
        org.apache.camel.Producer list = context.getEndpoint("wechat:category?op=list").createProducer();
        org.apache.camel.Producer all = context.getEndpoint("wechat:category?op=all").createProducer();
        org.apache.camel.support.service.ServiceHelper.startService(list, all);
        assertTrue(component().engine().probedAccounts().contains(APP_ID));

        org.apache.camel.support.service.ServiceHelper.stopService(list);
        assertTrue(component().engine().probedAccounts().contains(APP_ID), "the other producer still acts for it");
        org.apache.camel.support.service.ServiceHelper.stopService(all);
        assertFalse(component().engine().probedAccounts().contains(APP_ID), "no producer acts for it any more");
    }

    @Test
    void readiness_isUpWithATokenAndDownWhileTheQuotaCircuitIsOpen() {
        template.requestBody("wechat:category?op=list", (Object) null);
        int calls = simulator.totalRequests();
        assertEquals(HealthCheck.State.UP, tokenCheck().getState());
        assertEquals(calls, simulator.totalRequests(), "a probe on a warm cache calls nothing");

        simulator.faults().quotaExhausted(APP_ID, true);
        sendExpecting(WeChatApiException.class, "wechat:category?op=list", null);

        HealthCheck.Result down = tokenCheck();
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElse("").contains("quota exhausted for [" + APP_ID + "]"),
                down.getMessage().orElse(""));
        assertFalse(down.toString().contains(APP_SECRET));
        CompositeData account = ((TabularData) mbeanAttribute("TokenStatistics")).get(new Object[] { APP_ID });
        assertEquals(60L, account.get("circuitOpenSeconds"));
    }

    @Test
    void readiness_isDownWhenNoTokenCanBeObtained() {
        template.requestBody("wechat:category?op=list", (Object) null);
        ticker.advance(java.time.Duration.ofHours(3));
        simulator.faults().failNext("/cgi-bin/stable_token", 40125, 1);

        HealthCheck.Result down = tokenCheck();

        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElse("").contains("no access token for " + APP_ID), down.toString());
        assertTrue(down.getMessage().orElse("").contains("40125"), down.toString());
    }

    private HealthCheck.Result tokenCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(result -> result.getCheck().getId().equals("wechat-tokens"))
                .findFirst().orElseThrow(() -> new AssertionError("no wechat-tokens readiness check in " + results));
    }

    private Object mbeanAttribute(String name) {
        try {
            return mbeanServer().getAttribute(componentMBean(), name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MBeanServer mbeanServer() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private ObjectName componentMBean() throws Exception {
        Set<ObjectName> names = mbeanServer().queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",type=components,*"), null);
        return names.stream().filter(name -> name.toString().contains("wechat")).findFirst()
                .orElseThrow(() -> new AssertionError("no wechat component MBean in " + names));
    }
}
