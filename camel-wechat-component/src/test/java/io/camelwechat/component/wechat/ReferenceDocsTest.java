package io.camelwechat.component.wechat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.internal.support.OptionRanges;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The options and headers tables of docs/wechat-component.md are rendered from the catalog JSON the build
 * generates; this test fails when they drift. Run with {@code -Dwechat.docs.update=true} to rewrite them.
 */
class ReferenceDocsTest {

    private static final Path REFERENCE = Path.of("..", "docs", "wechat-component.md");

    @Test
    void optionAndHeaderTablesMatchTheCatalog() throws Exception {
        JsonNode catalog;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            catalog = new ObjectMapper().readTree(((CatalogCamelContext) context).getComponentParameterJsonSchema("wechat"));
        }
        String document = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        String expected = document;
        for (Map.Entry<String, String> section : Map.of(
                "component-options", optionsTable(catalog.get("componentProperties")),
                "endpoint-options", optionsTable(catalog.get("properties")),
                "headers", headersTable(catalog.get("headers")),
                "option-ranges", rangesTable()).entrySet()) {
            expected = replaceSection(expected, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("wechat.docs.update")) {
            Files.writeString(REFERENCE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, document, "docs/wechat-component.md drifted from the component's metadata; run "
                                         + "mvn test -Dtest=ReferenceDocsTest -Dwechat.docs.update=true");
    }

    private static String optionsTable(JsonNode options) {
        StringBuilder table = new StringBuilder("| name | group | default | type | description |\n| --- | --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode value = option.getValue();
            String type = value.path("type").asText();
            if (value.has("enum")) {
                type = "one of " + String.join(", ", new ObjectMapper().convertValue(value.get("enum"), String[].class));
            }
            table.append("| `").append(option.getKey()).append("`")
                    .append(value.path("required").asBoolean() ? " (required)" : "")
                    .append(value.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(value.path("group").asText())
                    .append(" | ").append(cell(value.path("defaultValue").asText()))
                    .append(" | ").append(type)
                    .append(" | ").append(cell(value.path("description").asText())).append(" |\n");
        }
        return table.toString();
    }

    private static String headersTable(JsonNode headers) {
        StringBuilder table = new StringBuilder("| header | type | description |\n| --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            table.append("| `").append(header.getKey()).append("` | ").append(header.getValue().path("javaType").asText())
                    .append(" | ").append(cell(header.getValue().path("description").asText())).append(" |\n");
        }
        return table.toString();
    }

    /** The allowed values of the numeric and duration options, as the component checks them. */
    private static String rangesTable() {
        StringBuilder table = new StringBuilder("| option | allowed |\n| --- | --- |\n");
        java.util.stream.Stream.concat(OptionRanges.COMPONENT.stream(), OptionRanges.ENDPOINT.stream())
                .forEach(range -> table.append("| `").append(range.option()).append("` | ")
                        .append(cell(range.allowed().substring(range.option().length() + " must be ".length())))
                        .append(" |\n"));
        return table.toString();
    }

    private static String cell(String text) {
        return text.isEmpty() ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replaceSection(String document, String name, String content) {
        String begin = "<!-- BEGIN generated " + name + " -->\n";
        String end = "<!-- END generated " + name + " -->";
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("docs/wechat-component.md has no section markers for " + name);
        }
        return document.substring(0, from + begin.length()) + content + document.substring(to);
    }
}
