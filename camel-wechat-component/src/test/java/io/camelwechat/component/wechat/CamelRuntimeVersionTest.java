package io.camelwechat.component.wechat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Which Camel these tests run on. The build runs them on the Camel it compiles against and again, from the test jar,
 * on the other versions it supports (camel-wechat-component/camel-versions); each passes the version it selected, so
 * a dependency mix-up that leaves the tests on another Camel fails here instead of passing unnoticed.
 */
class CamelRuntimeVersionTest {

    @Test
    void theTestsRunOnTheCamelVersionTheBuildSelected() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            String version = context.getVersion();
            System.out.println("camel-wechat component tests running on Apache Camel " + version);
            String expected = System.getProperty("camelwechat.expectedCamelVersion");
            assertNotNull(expected, "the build passes camelwechat.expectedCamelVersion to the tests");
            assertEquals(expected, version);
        }
    }
}
