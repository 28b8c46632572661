package io.camelwechat.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validates every {@code wechat:} URI of the YAML example, the Kamelets the component ships and the docs against
 * the component's generated catalog JSON, through Camel's own catalog API (what IDE plugins, Camel JBang, Kaoto and
 * Karavan use): an option the component does not have, a wrong enum or a malformed value fails here.
 */
class WeChatUriCatalogTest {

    /** The catalog JSON camel-component-maven-plugin generates into the component jar. */
    private static final String CATALOG_JSON = "META-INF/io/camelwechat/component/wechat/wechat.json";
    private static final String COMPONENT_CLASS = "io.camelwechat.component.wechat.WeChatComponent";

    /** A wechat: URI in running text: up to a blank, quote, backtick, bracket or closing parenthesis. */
    private static final Pattern URI_IN_TEXT = Pattern.compile("(?<![\\w.-])wechat:[a-z][^\\s\"'`()<>\\[\\]|]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^```ya?ml\\s*\\n(.*?)^```");

    private static CamelCatalog catalog;
    private static JsonNode options;
    private static Path repository;

    /** One URI and where it was found. */
    private record Found(String uri, String source) {
    }

    @BeforeAll
    static void loadCatalog() throws IOException {
        String json;
        try (InputStream in = WeChatUriCatalogTest.class.getClassLoader().getResourceAsStream(CATALOG_JSON)) {
            assertNotNull(in, CATALOG_JSON + " is not on the classpath: is camel-wechat-component built?");
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("wechat", COMPONENT_CLASS, json);
        options = new ObjectMapper().readTree(json).path("properties");
        repository = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }

    @Test
    void everyWeChatUriOfTheExamplesKameletsAndDocsIsValid() throws Exception {
        List<Found> examples = fromExampleYaml();
        List<Found> kamelets = fromKamelets();
        List<Found> docs = fromDocs();
        // the sources were really read: a broken extraction must not pass as "nothing invalid"
        assertTrue(examples.size() >= 2, "example YAML: " + examples);
        assertEquals(3, kamelets.size(), "one wechat: endpoint per Kamelet template: " + kamelets);
        assertTrue(docs.size() >= 30, "docs: " + docs);

        List<String> invalid = new ArrayList<>();
        for (Found found : concat(examples, kamelets, docs)) {
            String error = validate(found.uri());
            if (error != null) {
                invalid.add(found.uri() + "  (" + found.source() + "): " + error);
            }
        }
        assertTrue(invalid.isEmpty(), invalid.size() + " invalid wechat: URIs:\n  " + String.join("\n  ", invalid));
    }

    @Test
    void theValidationCatchesAnUnknownOption() {
        EndpointValidationResult result = catalog.validateEndpointProperties("wechat:category?op=list&noSuchOption=1");

        assertFalse(result.isSuccess());
        assertTrue(result.getUnknown().contains("noSuchOption"), String.valueOf(result.getUnknown()));
        String error = validate("wechat:category?op=list&noSuchOption=1");
        assertNotNull(error);
        assertTrue(error.contains("noSuchOption"), error);
    }

    @Test
    void theValidationCatchesWrongValues() {
        assertTrue(catalog.validateEndpointProperties("wechat:category?op=list").isSuccess());

        EndpointValidationResult badOp = catalog.validateEndpointProperties("wechat:category?op=remove");
        assertFalse(badOp.isSuccess());
        assertTrue(badOp.getInvalidEnum().containsKey("op"), badOp.summaryErrorMessage(false));

        EndpointValidationResult badApi = catalog.validateEndpointProperties("wechat:templates?op=list");
        assertFalse(badApi.isSuccess());
        assertTrue(badApi.getInvalidEnum().containsKey("api"), badApi.summaryErrorMessage(false));

        assertNotNull(validate("wechat:category?pollConcurrency=many"), "not an integer");
        assertNotNull(validate("wechat:category?emitInitialState=maybe"), "not a boolean");
    }

    @Test
    void placeholdersBecomeValuesOfTheOptionsType() {
        assertEquals("wechat:category?delay=1000&emitInitialState=true&tokenMode=stable&appId=dummy"
                     + "&stateRepository=#dummy&pollConcurrency=1",
                resolvePlaceholders("wechat:category?delay={{d}}&emitInitialState={{?e}}&tokenMode={{t}}"
                                    + "&appId={{wechat.appId}}&stateRepository={{repo}}&pollConcurrency={{n}}"));
        assertEquals("wechat:events?token=RAW(dummy)", resolvePlaceholders("wechat:events?token=RAW({{t}})"));
    }

    /** Validates one URI after resolving its placeholders; null when valid, else the catalog's summary. */
    private static String validate(String uri) {
        EndpointValidationResult result = catalog.validateEndpointProperties(resolvePlaceholders(uri));
        return result.isSuccess() ? null : result.summaryErrorMessage(false);
    }

    /**
     * Replaces each {@code {{...}}} in a query value by a dummy of the option's type (catalog JSON), so that
     * {@code delay={{poll.delay}}} is checked as a duration, an enum as its first value, and so on.
     */
    static String resolvePlaceholders(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return PLACEHOLDER.matcher(uri).replaceAll("category");
        }
        String path = PLACEHOLDER.matcher(uri.substring(0, query)).replaceAll("category");
        List<String> parameters = new ArrayList<>();
        for (String parameter : uri.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                parameters.add(parameter);
                continue;
            }
            String name = parameter.substring(0, equals);
            String value = parameter.substring(equals + 1);
            String dummy = Matcher.quoteReplacement(dummyFor(name));
            parameters.add(name + "=" + PLACEHOLDER.matcher(value).replaceAll(dummy));
        }
        return path + "?" + String.join("&", parameters);
    }

    private static String dummyFor(String option) {
        JsonNode model = options.path(option);
        if (model.has("enum") && model.get("enum").size() > 0) {
            return model.get("enum").get(0).asText();
        }
        return switch (model.path("type").asText("string")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "duration" -> "1000";
            case "object" -> "#dummy";
            default -> "dummy";
        };
    }

    // --- where the URIs are -------------------------------------------------------------------------------------

    /** The YAML DSL example's routes, as in this module's sources. */
    private static List<Found> fromExampleYaml() throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(repository.resolve("camel-wechat-examples/src/main/resources/yaml/routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                collectFromYaml(Files.readString(file), repository.relativize(file).toString(), found);
            }
        }
        return found;
    }

    /** The Kamelets as users get them: from the classpath (the component jar), found the way Camel finds them. */
    private static List<Found> fromKamelets() throws Exception {
        List<Found> found = new ArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            Collection<Resource> resources = PluginHelper.getPackageScanResourceResolver(context)
                    .findResources("classpath:kamelets/wechat-*.kamelet.yaml");
            assertEquals(3, resources.size(), "the Kamelets shipped by camel-wechat-component");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Map<?, ?> kamelet = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text);
                    Object template = ((Map<?, ?>) kamelet.get("spec")).get("template");
                    collect(template, resource.getLocation(), found);
                }
            }
        }
        return found;
    }

    /** docs/*.md and the READMEs: every wechat: URI in the text, plus the options of YAML blocks' uri+parameters. */
    private static List<Found> fromDocs() throws IOException {
        List<Path> markdown = new ArrayList<>();
        try (Stream<Path> files = Files.list(repository.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        markdown.add(repository.resolve("README.md"));
        markdown.add(repository.resolve("camel-wechat-examples/README.md"));
        List<Found> found = new ArrayList<>();
        for (Path file : markdown) {
            String text = Files.readString(file);
            String source = repository.relativize(file).toString();
            Matcher uris = URI_IN_TEXT.matcher(text);
            while (uris.find()) {
                // the syntax line "wechat:api?op=...[&options]" is a pattern, not a URI
                if (!uris.group().contains("...")) {
                    String uri = uris.group().replaceAll("[.,;:]+$", ""); // the end of a sentence
                    found.add(new Found(uri, source + ":" + lineOf(text, uris.start())));
                }
            }
            Matcher blocks = YAML_BLOCK.matcher(text);
            while (blocks.find()) {
                collectFromYaml(blocks.group(1), source + ":" + lineOf(text, blocks.start(1)) + " (yaml)", found);
            }
        }
        return found;
    }

    private static void collectFromYaml(String yaml, String source, List<Found> found) {
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            collect(document, source, found);
        }
    }

    /** Walks parsed YAML: {@code uri} with its {@code parameters} map, or any string value holding a wechat: URI. */
    private static void collect(Object node, String source, List<Found> found) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("uri") instanceof String uri && wechatUriIn(uri) != null) {
                found.add(new Found(withParameters(wechatUriIn(uri), map.get("parameters")), source));
            }
            map.forEach((key, value) -> {
                if (!"uri".equals(key) && !"parameters".equals(key)) {
                    collect(value, source, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, source, found));
        } else if (node instanceof String text && wechatUriIn(text) != null) {
            found.add(new Found(wechatUriIn(text), source));
        }
    }

    /**
     * The wechat: endpoint in a YAML string, or null: in an endpoint string ({@code master:lock:wechat:category}
     * included) everything from {@code wechat:} on, in other text (a log message) the URI-like part.
     */
    private static String wechatUriIn(String text) {
        String trimmed = text.trim();
        Matcher matcher = URI_IN_TEXT.matcher(trimmed);
        if (!matcher.find()) {
            return null;
        }
        return trimmed.chars().anyMatch(Character::isWhitespace) ? matcher.group() : trimmed.substring(matcher.start());
    }

    private static String withParameters(String uri, Object parameters) {
        if (!(parameters instanceof Map<?, ?> map) || map.isEmpty()) {
            return uri;
        }
        Map<String, String> query = new LinkedHashMap<>();
        map.forEach((key, value) -> query.put(String.valueOf(key), String.valueOf(value)));
        return uri + (uri.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    @SafeVarargs
    private static List<Found> concat(List<Found>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
