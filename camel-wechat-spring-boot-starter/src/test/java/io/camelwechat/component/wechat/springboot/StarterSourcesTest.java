package io.camelwechat.component.wechat.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The starter's hand-free parts, generated from the component's catalog ({@code wechat.json}, written by Camel's
 * plugin when the component is built): the {@code camel.component.wechat.*} properties class, the IDE metadata's
 * defaults and value hints, and the README's property table. This test renders them and fails when a committed
 * file differs, so that nobody edits them by hand and no option drifts. Run with
 * {@code -Dwechat.starter.update=true} to rewrite them.
 */
class StarterSourcesTest {

    private static final String CATALOG = "META-INF/io/camelwechat/component/wechat/wechat.json";
    private static final String PREFIX = "camel.component.wechat.";
    private static final Path PROPERTIES_CLASS = Path.of(
            "src/main/java/io/camelwechat/component/wechat/springboot/WeChatComponentConfiguration.java");
    private static final Path METADATA = Path.of(
            "src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    private static final Path README = Path.of("README.md");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void propertiesClassMetadataAndReadmeTable_areTheCatalogs() throws IOException {
        JsonNode options = catalog().path("componentProperties");
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        Map<Path, String> expected = Map.of(
                PROPERTIES_CLASS, propertiesClass(options),
                METADATA, JSON.writeValueAsString(metadata(options)) + "\n",
                README, replaceSection(readme, propertyTable(options)));

        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            String committed = Files.exists(file.getKey()) ? Files.readString(file.getKey(), StandardCharsets.UTF_8)
                    : "";
            if (Boolean.getBoolean("wechat.starter.update")) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            }
            checks.add(() -> assertEquals(file.getValue(), committed, file.getKey() + " drifted from the component's "
                    + "catalog; run mvn test -Dtest=StarterSourcesTest -Dwechat.starter.update=true"));
        }
        assertAll(checks);
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = StarterSourcesTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertNotNull(in, CATALOG + " is on the class path with the component");
            return new ObjectMapper().readTree(in);
        }
    }

    // ---- the properties class ---------------------------------------------------------------------------------

    private static String propertiesClass(JsonNode options) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        options.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            String type = javaType(option);
            fields.append(javadoc(description(option), "    ")).append("    private ").append(type).append(' ')
                    .append(name).append(";\n\n");
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("    public ").append(type).append(" get").append(capitalised).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n")
                    .append("    public void set").append(capitalised).append('(').append(type).append(' ')
                    .append(name).append(") {\n        this.").append(name).append(" = ").append(name)
                    .append(";\n    }\n\n");
        });
        String body = fields.append(accessors).toString();
        return """
                package io.camelwechat.component.wechat.springboot;

                import java.time.Duration;
                import java.util.Map;

                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * The {@code camel.component.wechat.*} properties: one per option of the {@code wechat} component, named as in the
                 * component catalog ({@code camel.component.wechat.app-id} is the catalog's {@code appId}, even where the component
                 * keeps it in its nested {@code configuration}). The field comments are the catalog descriptions, so IDEs show them.
                 * <p>
                 * Generated from the catalog by {@code StarterSourcesTest}: do not edit by hand.
                 * <p>
                 * Every field starts out {@code null}, which means "not configured": only the options that are set are copied onto
                 * the component, so the component's own defaults (listed in the configuration metadata) and a
                 * {@code configuration} bean given by reference are not overwritten. Durations take Spring Boot's format
                 * ({@code 5s}, {@code 2m}; a bare number is milliseconds). Options of an object type take a bean reference such as
                 * {@code #myBean}, resolved by Camel.
                 */
                @ConfigurationProperties("camel.component.wechat")
                public class WeChatComponentConfiguration extends ComponentConfigurationPropertiesCommon {

                """ + body.stripTrailing() + "\n}\n";
    }

    private static String javaType(JsonNode option) {
        return switch (option.path("type").asText()) {
            case "boolean" -> "Boolean";
            case "integer" -> option.path("javaType").asText().endsWith("ong") ? "Long" : "Integer";
            case "duration" -> "Duration";
            default -> option.path("javaType").asText().startsWith("java.util.Map<java.lang.String, java.lang.String>")
                    ? "Map<String, String>" // bound entry by entry: app-secrets[wx123]=...
                    : "String"; // text, enums, and bean references (#myBean) for object options
        };
    }

    private static String description(JsonNode option) {
        String description = option.path("description").asText();
        if (option.path("type").asText().equals("object") && javaType(option).equals("String")) {
            description += " The option is a " + option.path("javaType").asText()
                           + " type: give a bean reference such as #myBean.";
        }
        return description;
    }

    /** A Javadoc comment with the text wrapped at 120 columns. */
    private static String javadoc(String text, String indent) {
        StringBuilder comment = new StringBuilder(indent).append("/**\n");
        StringBuilder line = new StringBuilder();
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
        for (String word : escaped.split(" ")) {
            if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > 120) {
                comment.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        return comment.append(indent).append(" * ").append(line).append('\n').append(indent).append(" */\n")
                .toString();
    }

    // ---- the IDE metadata -------------------------------------------------------------------------------------

    private static ObjectNode metadata(JsonNode options) {
        ObjectNode metadata = JSON.createObjectNode();
        ArrayNode properties = metadata.putArray("properties");
        properties.addObject().put("name", PREFIX + "enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the wechat component. This is enabled "
                                    + "by default.").put("defaultValue", true);
        properties.addObject().put("name", PREFIX + "customizer.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether the camel.component.wechat.* properties are applied to the wechat "
                                    + "component. This is enabled by default.").put("defaultValue", true);
        ArrayNode hints = JSON.createArrayNode();
        options.properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            String name = PREFIX + kebab(entry.getKey());
            if (option.has("defaultValue")) {
                ObjectNode property = properties.addObject().put("name", name);
                JsonNode value = option.get("defaultValue");
                if (option.path("type").asText().equals("duration")) {
                    property.put("defaultValue", springDuration(value.asLong()));
                } else {
                    property.set("defaultValue", value);
                }
            }
            if (option.has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                option.get("enum").forEach(value -> values.addObject().set("value", value));
            }
        });
        metadata.set("hints", hints);
        return metadata;
    }

    /** Milliseconds in Spring Boot's simple format, in the largest unit that keeps them whole. */
    static String springDuration(long millis) {
        long[] sizes = { 3_600_000, 60_000, 1_000 };
        String[] units = { "h", "m", "s" };
        for (int i = 0; i < sizes.length; i++) {
            if (millis != 0 && millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    // ---- the README table -------------------------------------------------------------------------------------

    private static String propertyTable(JsonNode options) {
        List<String> rows = new ArrayList<>();
        rows.add("| Property | Default | What it is |");
        rows.add("| --- | --- | --- |");
        options.properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            String defaultValue = !option.has("defaultValue") ? ""
                    : option.path("type").asText().equals("duration")
                            ? springDuration(option.get("defaultValue").asLong())
                            : option.get("defaultValue").asText();
            rows.add("| `" + PREFIX + kebab(entry.getKey()) + "`" + (option.path("secret").asBoolean() ? " (secret)"
                    : "") + " | " + (defaultValue.isEmpty() ? "" : "`" + defaultValue + "`") + " | "
                     + description(option).replace("|", "\\|") + " |");
        });
        return String.join("\n", rows) + "\n";
    }

    private static String replaceSection(String document, String content) {
        String begin = "<!-- BEGIN generated properties -->\n";
        String end = "<!-- END generated properties -->";
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("README.md has no section markers for the generated properties");
        }
        return document.substring(0, from + begin.length()) + content + document.substring(to);
    }
}
