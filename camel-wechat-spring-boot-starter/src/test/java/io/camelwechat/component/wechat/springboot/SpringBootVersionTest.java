package io.camelwechat.component.wechat.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Which Spring Boot and camel-spring-boot the starter's tests run on: the pair camel-spring-boot is released with
 * (its parent's spring-boot-version), as the pom selects and the README states. A dependency that drags another
 * Spring Boot onto the test class path fails here instead of passing unnoticed.
 */
class SpringBootVersionTest {

    @Test
    void theTestsRunOnTheSpringBootThatCamelSpringBootPairsWith() {
        String expectedBoot = System.getProperty("camelwechat.expectedSpringBootVersion");
        String expectedCamel = System.getProperty("camelwechat.expectedCamelSpringBootVersion");
        assertNotNull(expectedBoot, "the build passes camelwechat.expectedSpringBootVersion to the tests");
        assertNotNull(expectedCamel, "the build passes camelwechat.expectedCamelSpringBootVersion to the tests");
        String camelSpringBoot = CamelAutoConfiguration.class.getPackage().getImplementationVersion();
        System.out.println("camel-wechat starter tests running on Spring Boot " + SpringBootVersion.getVersion()
                           + " with camel-spring-boot " + camelSpringBoot);

        assertEquals(expectedBoot, SpringBootVersion.getVersion());
        assertEquals(expectedCamel, camelSpringBoot);
    }
}
