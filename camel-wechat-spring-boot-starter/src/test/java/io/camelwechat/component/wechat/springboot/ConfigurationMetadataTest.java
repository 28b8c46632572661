package io.camelwechat.component.wechat.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IDE metadata on the classpath (what the jar ships) against the component catalog: every component option has
 * a property with the catalog's description, default and values, so a new or renamed option fails here.
 */
class ConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.wechat.";
    private static final String CATALOG = "META-INF/io/camelwechat/component/wechat/wechat.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, JsonNode> properties;
    private static Map<String, JsonNode> hints;
    private static JsonNode catalogOptions;

    @BeforeAll
    static void load() throws IOException {
        JsonNode metadata = wechatMetadata();
        properties = byName(metadata.path("properties"));
        hints = byName(metadata.path("hints"));
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertNotNull(in, CATALOG);
            catalogOptions = JSON.readTree(in).path("componentProperties");
        }
    }

    @Test
    void appSecretIsListedWithItsDescription() {
        JsonNode appSecret = properties.get(PREFIX + "app-secret");

        assertNotNull(appSecret);
        assertEquals("java.lang.String", appSecret.path("type").asText());
        assertEquals(WeChatComponentConfiguration.class.getName(), appSecret.path("sourceType").asText());
        assertTrue(appSecret.path("description").asText().startsWith("The AppSecret of appId"));
    }

    @Test
    void everyCatalogOptionHasItsProperty() {
        List<Runnable> checks = new ArrayList<>();
        Set<String> expected = new TreeSet<>(Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        catalogOptions.properties().forEach(entry -> {
            String name = PREFIX + StarterSourcesTest.kebab(entry.getKey());
            expected.add(name);
            checks.add(() -> checkOption(name, entry.getValue()));
        });

        assertAll(checks.stream().map(check -> check::run));
        assertEquals(expected, new TreeSet<>(properties.keySet()));
    }

    private static void checkOption(String name, JsonNode option) {
        JsonNode property = properties.get(name);
        assertNotNull(property, name + " is missing from the metadata");
        assertTrue(squash(property.path("description").asText()).startsWith(squash(option.path("description").asText())),
                name + ": description differs from the catalog's");
        JsonNode catalogDefault = option.path("defaultValue");
        JsonNode metadataDefault = property.path("defaultValue");
        if (catalogDefault.isMissingNode() || catalogDefault.asText().isEmpty()) {
            assertTrue(metadataDefault.isMissingNode(), name + " has a default the catalog does not have");
        } else if ("duration".equals(option.path("type").asText())) {
            assertEquals(catalogDefault.asLong(), DurationStyle.detectAndParse(metadataDefault.asText()).toMillis(), name);
        } else {
            assertEquals(catalogDefault.asText(), metadataDefault.asText(), name);
        }
        List<String> values = new ArrayList<>();
        option.path("enum").forEach(value -> values.add(value.asText()));
        List<String> hinted = new ArrayList<>();
        hints.getOrDefault(name, JSON.createObjectNode()).path("values").forEach(v -> hinted.add(v.path("value").asText()));
        assertEquals(values, hinted, name + " value hints");
    }

    /** The metadata file of this starter among those of the other starters on the classpath. */
    private static JsonNode wechatMetadata() throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata = JSON.readTree(url);
            for (JsonNode group : metadata.path("groups")) {
                if ("camel.component.wechat".equals(group.path("name").asText())) {
                    return metadata;
                }
            }
        }
        throw new AssertionError("no spring-configuration-metadata.json with the camel.component.wechat group");
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> answer = new HashMap<>();
        array.forEach(node -> answer.put(node.path("name").asText(), node));
        assertFalse(answer.isEmpty());
        return answer;
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
