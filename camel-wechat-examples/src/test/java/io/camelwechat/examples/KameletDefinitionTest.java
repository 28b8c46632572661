package io.camelwechat.examples;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.kamelets.catalog.KameletsCatalog;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.v1.Kamelet;
import org.apache.camel.v1.kameletspec.Definition;
import org.apache.camel.v1.kameletspec.definition.Properties;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets shipped in the component jar, read back the way Camel's tooling reads Kamelets: camel-kamelets-catalog
 * ({@link KameletsCatalog}, which scans {@code kamelets/} on the classpath into Camel's typed Kamelet model, the one
 * Camel JBang and the catalog generators use). What catalogs show is there (annotations, every property titled,
 * described and typed, credentials as passwords), the dependencies name the component at the built version, and the
 * templates use only the properties they declare.
 */
class KameletDefinitionTest {

    private static final Set<String> SHIPPED = Set.of("wechat-category-audit-source", "wechat-industry-action",
            "wechat-category-action");
    private static final String PROVIDER = "camel-wechat";
    private static final String VERSION = System.getProperty("camelwechat.version");
    private static final String COMPONENT_DEPENDENCY = "mvn:io.camelwechat:camel-wechat-component:" + VERSION;
    private static final String ANNOTATION = "camel.apache.org/";
    private static final Pattern PROPERTY_USE = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9]+)}}");

    @Test
    void theKameletCatalogListsThemWithWhatToolsShow() {
        KameletsCatalog catalog = new KameletsCatalog();
        Set<String> ours = new TreeSet<>();
        catalog.getKameletByProvider(PROVIDER).forEach(kamelet -> ours.add(kamelet.getMetadata().getName()));
        assertEquals(new TreeSet<>(SHIPPED), ours, "Kamelets with provider " + PROVIDER);

        List<String> problems = new ArrayList<>();
        for (String name : SHIPPED) {
            Kamelet kamelet = catalog.getKamelets().get(name);
            String type = kamelet.getMetadata().getLabels().get(ANNOTATION + "kamelet.type");
            expect(problems, name, "kamelet.type label matching the name: " + type, name.endsWith("-" + type));
            expect(problems, name, "listed by type " + type, catalog.getKameletsByType(type).contains(kamelet));

            Map<String, String> annotations = kamelet.getMetadata().getAnnotations();
            for (String annotation : List.of("kamelet.support.level", "kamelet.icon", "kamelet.group",
                    "kamelet.namespace")) {
                expect(problems, name, "annotation " + annotation,
                        annotations.getOrDefault(ANNOTATION + annotation, "").strip().length() > 0);
            }
            expect(problems, name, "a support level catalogs know",
                    Set.of("Stable", "Preview", "Deprecated").contains(annotations.get(ANNOTATION + "kamelet.support.level")));
            expect(problems, name, "an SVG data-URI icon",
                    annotations.getOrDefault(ANNOTATION + "kamelet.icon", "").startsWith("data:image/svg+xml;base64,"));
            expect(problems, name, "catalog.version is the built version",
                    VERSION.equals(annotations.get(ANNOTATION + "catalog.version")));

            List<String> dependencies = catalog.getKameletDependencies(name);
            expect(problems, name, "depends on " + COMPONENT_DEPENDENCY + ": " + dependencies,
                    dependencies.contains(COMPONENT_DEPENDENCY));
            expect(problems, name, "depends on camel:kamelet", dependencies.contains("camel:kamelet"));
            expect(problems, name, "no other version of the component: " + dependencies, dependencies.stream()
                    .filter(dependency -> dependency.contains(":camel-wechat-"))
                    .allMatch(COMPONENT_DEPENDENCY::equals));

            checkDefinition(name, kamelet.getSpec().getDefinition(), problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void checkDefinition(String name, Definition definition, List<String> problems) {
        expect(problems, name, "definition title", notBlank(definition.getTitle()));
        expect(problems, name, "definition description", notBlank(definition.getDescription()));
        expect(problems, name, "definition type object", "object".equals(definition.getType()));
        Map<String, Properties> properties = definition.getProperties();
        List<String> required = definition.getRequired() == null ? List.of() : definition.getRequired();
        expect(problems, name, "required properties declared: " + required, properties.keySet().containsAll(required));
        properties.forEach((property, schema) -> {
            expect(problems, name, property + " has a title", notBlank(schema.getTitle()));
            expect(problems, name, property + " has a description", notBlank(schema.getDescription()));
            // Kaoto's catalog generator turns each property into a JSON schema and needs its type
            expect(problems, name, property + " has a type", notBlank(schema.getType()));
            boolean credential = ComponentCatalogTest.CREDENTIAL.matcher(property).matches();
            boolean password = "password".equals(schema.getFormat());
            expect(problems, name, property + (credential ? " is" : " is not") + " a password", credential == password);
            if (credential) {
                expect(problems, name, property + " is in the credentials group", schema.getXDescriptors() != null
                        && schema.getXDescriptors().contains("urn:camel:group:credentials"));
            }
        });
    }

    /** The templates as shipped: their shape by type, and only declared properties, mandatory ones required. */
    @Test
    @SuppressWarnings("unchecked")
    void theTemplatesUseOnlyTheirDeclaredProperties() throws Exception {
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
                String name = file.substring(0, file.length() - ".kamelet.yaml".length());
                names.add(name);
                Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromString(text);
                expect(problems, file, "metadata.name is the file name",
                        name.equals(((Map<String, Object>) kamelet.get("metadata")).get("name")));
                checkTemplate(name, (Map<String, Object>) kamelet.get("spec"), problems);
            }
        }
        assertEquals(SHIPPED, names);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @SuppressWarnings("unchecked")
    private static void checkTemplate(String name, Map<String, Object> spec, List<String> problems) {
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        List<String> required = (List<String>) definition.getOrDefault("required", List.of());
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Map<String, Object> from = (Map<String, Object>) template.get("from");
        List<Object> steps = (List<Object>) from.get("steps");
        if (name.endsWith("-source")) {
            expect(problems, name, "a source ends with to: kamelet:sink",
                    Map.of("to", "kamelet:sink").equals(steps.get(steps.size() - 1)));
        } else {
            expect(problems, name, "an action starts from kamelet:source", "kamelet:source".equals(from.get("uri")));
        }
        String templateText = new Dump(DumpSettings.builder().build()).dumpToString(template);
        Set<String> used = new LinkedHashSet<>();
        Matcher uses = PROPERTY_USE.matcher(templateText);
        while (uses.find()) {
            String property = uses.group(2);
            used.add(property);
            expect(problems, name, "{{" + property + "}} is declared", properties.containsKey(property));
            boolean optional = uses.group(1) != null;
            Map<String, Object> schema = properties.getOrDefault(property, Map.of());
            expect(problems, name, "{{" + property + "}} is optional ({{?" + property + "}}), required or defaulted",
                    optional || required.contains(property) || schema.containsKey("default"));
        }
        expect(problems, name, "every property is used: " + properties.keySet() + " vs " + used,
                used.containsAll(properties.keySet()));
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static void expect(List<String> problems, String kamelet, String what, boolean ok) {
        if (!ok) {
            problems.add(kamelet + ": " + what);
        }
    }
}
