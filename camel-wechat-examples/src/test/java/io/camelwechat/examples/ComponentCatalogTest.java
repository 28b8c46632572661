package io.camelwechat.examples;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.camelwechat.component.wechat.WeChatComponent;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.maven.DefaultMavenArtifactProvider;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component jar as Camel's tooling reads an artifact it does not know: camel-catalog-maven's scan (what
 * {@code MavenArtifactProvider.addArtifactToCatalog} runs on a downloaded jar) finds the schemes in
 * {@code META-INF/services/org/apache/camel/component.properties}, the class of each, its catalog JSON, and adds them
 * to a {@link CamelCatalog}; the model read back must name the built artifact and describe every option.
 */
class ComponentCatalogTest {

    private static final String VERSION = System.getProperty("camelwechat.version");
    /** How a credential option is named (one or a map of them): the catalog must mark exactly these as secret. */
    static final Pattern CREDENTIAL = Pattern.compile("(?i).*(secret|token|key|ticket|password)s?$");

    @Test
    void camelToolingListsTheComponentFromTheJar() throws Exception {
        try (URLClassLoader jar = componentJarOnly()) {
            Properties properties = new Properties();
            try (InputStream in = jar.getResourceAsStream("META-INF/services/org/apache/camel/component.properties")) {
                assertNotNull(in, "no component.properties in " + jar.getURLs()[0]);
                properties.load(in);
            }
            assertEquals("wechat", properties.getProperty("components"));
            assertEquals("io.camelwechat", properties.getProperty("groupId"));
            assertEquals("camel-wechat-component", properties.getProperty("artifactId"));
            assertEquals(VERSION, properties.getProperty("version"), "filtered from the pom");
            assertFalse(properties.getProperty("projectDescription", "").isBlank());

            CamelCatalog catalog = new DefaultCamelCatalog();
            assertEquals(Set.of("wechat"), new ArtifactScan().addComponents(catalog, jar));

            ComponentModel model = catalog.componentModel("wechat");
            assertEquals(WeChatComponent.class.getName(), model.getJavaType());
            assertEquals("io.camelwechat", model.getGroupId());
            assertEquals("camel-wechat-component", model.getArtifactId());
            assertEquals(VERSION, model.getVersion());
            assertEquals("wechat:api", model.getSyntax());
            assertFalse(model.getDescription().isBlank());
        }
    }

    @Test
    void everyOptionAndHeaderIsDescribedAndEveryCredentialIsSecret() throws Exception {
        CamelCatalog catalog = new DefaultCamelCatalog();
        try (URLClassLoader jar = componentJarOnly()) {
            new ArtifactScan().addComponents(catalog, jar);
        }
        ComponentModel model = catalog.componentModel("wechat");
        List<BaseOptionModel> options = new ArrayList<>();
        options.addAll(model.getComponentOptions());
        options.addAll(model.getEndpointOptions());
        options.addAll(model.getEndpointHeaders());
        assertTrue(options.size() > 100, "component, endpoint options and headers read: " + options.size());

        List<String> undescribed = new ArrayList<>();
        Set<String> secret = new TreeSet<>();
        Set<String> credentials = new TreeSet<>();
        for (BaseOptionModel option : options) {
            if (option.getDescription() == null || option.getDescription().isBlank()) {
                undescribed.add(option.getKind() + " " + option.getName());
            }
            if (option.isSecret()) {
                secret.add(option.getName());
            }
            if (CREDENTIAL.matcher(option.getName()).matches()) {
                credentials.add(option.getName());
            }
        }
        assertEquals(List.of(), undescribed);
        assertEquals(credentials, secret, "options named like credentials vs options marked secret");
        assertTrue(secret.containsAll(Set.of("accessToken", "appSecret", "authorizerRefreshToken", "componentAppSecret",
                "componentVerifyTicket", "encodingAesKey", "token")), "the credentials the component has: " + secret);
    }

    /** The component jar alone, as the tooling sees an artifact it resolved: no parent class loader. */
    private static URLClassLoader componentJarOnly() {
        URL location = WeChatComponent.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {location}, null);
    }

    /**
     * camel-catalog-maven's own scan of an artifact's class loader, without the download around it (the provider is
     * deprecated in favour of camel-tooling-maven's downloader, which does not read component.properties itself).
     */
    @SuppressWarnings("deprecation")
    private static final class ArtifactScan extends DefaultMavenArtifactProvider {
        Set<String> addComponents(CamelCatalog catalog, ClassLoader artifact) {
            Set<String> names = new LinkedHashSet<>();
            scanCamelComponents(catalog, artifact, names);
            return names;
        }
    }
}
