package io.camelwechat.examples;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets shipped in the component jar follow apache/camel-kamelets' shape: what catalogs (Kaoto, Karavan,
 * Camel JBang) read from them is there, and their templates use only properties they declare.
 */
class KameletDefinitionTest {

    private static final Pattern PROPERTY_USE = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9]+)}}");
    private static final String COMPONENT_DEPENDENCY = "mvn:io.camelwechat:camel-wechat-component:0.1.0-SNAPSHOT";

    @Test
    @SuppressWarnings("unchecked")
    void shippedKameletsAreWellFormed() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        try (CamelContext context = new DefaultCamelContext()) {
            Collection<Resource> resources = PluginHelper.getPackageScanResourceResolver(context)
                    .findResources("classpath:kamelets/wechat-*.kamelet.yaml");
            for (Resource resource : resources) {
                String text;
                try (InputStream in = resource.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String file = resource.getLocation().substring(resource.getLocation().lastIndexOf('/') + 1);
                Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromString(text);
                names.add(file);
                check(file, kamelet, problems);
            }
        }
        assertEquals(Set.of("wechat-category-audit-source.kamelet.yaml", "wechat-industry-action.kamelet.yaml",
                "wechat-category-action.kamelet.yaml"), names);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @SuppressWarnings("unchecked")
    private static void check(String file, Map<String, Object> kamelet, List<String> problems) {
        String name = file.substring(0, file.length() - ".kamelet.yaml".length());
        expect(problems, file, "apiVersion", "camel.apache.org/v1".equals(kamelet.get("apiVersion")));
        expect(problems, file, "kind", "Kamelet".equals(kamelet.get("kind")));
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        expect(problems, file, "metadata.name", name.equals(metadata.get("name")));
        String type = String.valueOf(((Map<String, Object>) metadata.get("labels")).get("camel.apache.org/kamelet.type"));
        expect(problems, file, "kamelet.type label matching the name", name.endsWith("-" + type));
        Map<String, Object> annotations = (Map<String, Object>) metadata.get("annotations");
        for (String annotation : List.of("kamelet.support.level", "catalog.version", "kamelet.icon", "provider",
                "kamelet.group")) {
            expect(problems, file, "annotation " + annotation,
                    annotations.get("camel.apache.org/" + annotation) instanceof String value && !value.isBlank());
        }
        expect(problems, file, "an SVG data-URI icon",
                String.valueOf(annotations.get("camel.apache.org/kamelet.icon")).startsWith("data:image/svg+xml;base64,"));

        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        expect(problems, file, "definition title", definition.get("title") instanceof String);
        expect(problems, file, "definition description", definition.get("description") instanceof String);
        expect(problems, file, "definition type object", "object".equals(definition.get("type")));
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        List<String> required = (List<String>) definition.getOrDefault("required", List.of());
        expect(problems, file, "required properties declared: " + required, properties.keySet().containsAll(required));
        properties.forEach((property, schema) -> {
            for (String key : List.of("title", "description", "type")) {
                expect(problems, file, property + " has a " + key, schema.get(key) instanceof String);
            }
            if (property.toLowerCase().contains("secret")) {
                expect(problems, file, property + " is a password", "password".equals(schema.get("format")));
                expect(problems, file, property + " is in the credentials group",
                        String.valueOf(schema.get("x-descriptors")).contains("urn:camel:group:credentials"));
            }
        });
        List<String> dependencies = (List<String>) spec.get("dependencies");
        expect(problems, file, "depends on the component", dependencies.contains(COMPONENT_DEPENDENCY));
        expect(problems, file, "depends on camel:kamelet", dependencies.contains("camel:kamelet"));

        // the template: shape by type, and only declared properties; a mandatory {{x}} is required or has a default
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Map<String, Object> from = (Map<String, Object>) template.get("from");
        List<Object> steps = (List<Object>) from.get("steps");
        if ("source".equals(type)) {
            expect(problems, file, "a source ends with to: kamelet:sink",
                    Map.of("to", "kamelet:sink").equals(steps.get(steps.size() - 1)));
        } else {
            expect(problems, file, "an action starts from kamelet:source", "kamelet:source".equals(from.get("uri")));
        }
        String templateText = new Dump(DumpSettings.builder().build()).dumpToString(template);
        Set<String> used = new LinkedHashSet<>();
        Matcher uses = PROPERTY_USE.matcher(templateText);
        while (uses.find()) {
            String property = uses.group(2);
            used.add(property);
            expect(problems, file, "{{" + property + "}} is declared", properties.containsKey(property));
            boolean optional = uses.group(1) != null;
            Map<String, Object> schema = properties.getOrDefault(property, Map.of());
            expect(problems, file, "{{" + property + "}} is optional ({{?" + property + "}}), required or defaulted",
                    optional || required.contains(property) || schema.containsKey("default"));
        }
        expect(problems, file, "every property is used: " + properties.keySet() + " vs " + used,
                used.containsAll(properties.keySet()));
    }

    private static void expect(List<String> problems, String file, String what, boolean ok) {
        if (!ok) {
            problems.add(file + ": " + what);
        }
    }
}
