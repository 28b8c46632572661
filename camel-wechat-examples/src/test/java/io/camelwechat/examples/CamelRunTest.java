package io.camelwechat.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.simulator.AccountState;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.main.KameletMain;
import org.apache.camel.main.download.DownloadListener;
import org.apache.camel.main.download.MavenDependencyDownloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the YAML example the way {@code camel run} does (docs/low-code.md): {@link KameletMain}, the runtime Camel JBang
 * starts, with downloads off, given what {@code camel run routes/*.camel.yaml application.properties [--dep=...]}
 * gives it (the route files, the properties file, the dependency), against the simulator. The routes use the three Kamelets the component jar
 * ships and plain {@code wechat:} URIs; the test checks what they did to the simulator's account, and that every
 * jar the files and the Kamelets ask for (their {@code //DEPS} line, {@code spec.dependencies}) is the built component
 * or already on the classpath.
 *
 * <p>Needs the component's jar, as {@code mvn verify} gives it in the reactor: the runtime recognises a dependency on
 * the classpath by its jar's file name.
 */
class CamelRunTest {

    private static final String APP_ID = "wxcamelrun000001";
    private static final String APP_SECRET = "camel-run-secret";
    private static final String AUDITS = "seda:camel-run-audits";

    /** The folder the docs run {@code camel run} in. */
    private static final Path YAML = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("src/main/resources/yaml");
    private static final Path COMPONENT_ROUTES = YAML.resolve("routes/wechat-component.camel.yaml");
    private static final Path KAMELET_ROUTES = YAML.resolve("routes/wechat-kamelets.camel.yaml");
    private static final String COMPONENT_GAV = "io.camelwechat:camel-wechat-component:"
            + System.getProperty("camelwechat.version");

    private final Set<String> askedFor = new LinkedHashSet<>();
    private final List<String> downloaded = new ArrayList<>();
    private final WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, APP_SECRET).build().start();
    private KameletMain main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        simulator.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedYamlRunsWithTheKameletsAndWeChatUrisAgainstTheSimulator() throws Exception {
        camelRun(List.of(COMPONENT_ROUTES, KAMELET_ROUTES), "mvn:" + COMPONENT_GAV, Map.of(
                // the startup route's writes, and the audit source's changes where the test reads them
                "example.writes", "true",
                "example.add-category", "true",
                "example.audit.delay", "100",
                "example.audit.initial-delay", "0",
                "example.audit.to", AUDITS));
        CamelContext context = main.getCamelContext();

        // the routes are the files the docs name, not copies from the classpath
        Map<String, String> sources = context.getRoutes().stream()
                .collect(Collectors.toMap(Route::getRouteId, Route::getSourceLocation));
        for (String route : List.of("component-get-industry", "component-list-categories")) {
            assertTrue(sources.get(route).startsWith("file:" + COMPONENT_ROUTES), route + ": " + sources.get(route));
        }
        for (String route : List.of("set-industry", "get-industry", "list-categories", "add-category",
                "category-audits", "startup")) {
            assertTrue(sources.get(route).startsWith("file:" + KAMELET_ROUTES), route + ": " + sources.get(route));
        }

        try (ConsumerTemplate audits = context.createConsumerTemplate();
             ProducerTemplate template = context.createProducerTemplate()) {
            // the startup route: wechat-industry-action set and get, wechat:category?op=list, wechat-category-action
            // add and list; then wechat-category-audit-source reports the category (under review), then its audit
            Exchange added = YamlExampleTest.nextChange(audits, AUDITS, "ADDED");
            assertEquals(1, added.getMessage().getHeader("CamelWeChatAuditStatus"), "under review");
            String json = added.getMessage().getBody(String.class);
            assertTrue(json.contains("\"first\":1") && json.contains("\"second\":2"), json);

            simulator.clock().advance(Duration.ofMinutes(11)); // the simulated audit takes 10 minutes
            Exchange audited = YamlExampleTest.nextChange(audits, AUDITS, "STATUS_CHANGED");
            assertEquals(3, audited.getMessage().getHeader("CamelWeChatAuditStatus"), "approved");

            // what the account holds now: the industry the Kamelet set, the category it added
            AccountState account = simulator.account(APP_ID);
            assertEquals(13, account.industryId1()); // example.industry.primary
            assertEquals(1, account.industryId2());  // example.industry.secondary
            assertEquals(3, account.category(1, 2).auditStatus());
            assertEquals(1, simulator.requestCount("/cgi-bin/template/api_set_industry"));
            assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/addcategory"));

            // the route with a plain wechat: URI reads it back
            Map<String, Object> industry = template.requestBody("direct:component-get-industry", null, Map.class);
            assertEquals(13, ((Map<String, Object>) industry.get("primary_industry")).get("industry_id"), industry.toString());
            assertEquals(1, ((Map<String, Object>) industry.get("secondary_industry")).get("industry_id"), industry.toString());
        }

        // --dep, the //DEPS lines and the Kamelets' spec.dependencies name the component at the built version, and
        // nothing the run asked for had to be downloaded
        assertTrue(askedFor.contains(COMPONENT_GAV), COMPONENT_GAV + " not in " + askedFor);
        assertNothingMissing();
        for (Path file : List.of(COMPONENT_ROUTES, KAMELET_ROUTES)) {
            assertTrue(Files.readAllLines(file).contains("# //DEPS " + COMPONENT_GAV), file + " names " + COMPONENT_GAV);
        }
    }

    @Test
    void theDepsLineNamesTheComponentForRoutesWithoutKamelets() throws Exception {
        camelRun(List.of(COMPONENT_ROUTES), null, Map.of());

        // no Kamelet is loaded here, so the file's own //DEPS line is what asked for the component
        assertTrue(askedFor.contains(COMPONENT_GAV), COMPONENT_GAV + " not in " + askedFor);
        assertNothingMissing();
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            Map<?, ?> categories = template.requestBody("direct:component-list-categories", null, Map.class);
            assertEquals(List.of(), categories.get("categories"), categories.toString());
            assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/getcategory"));
        }
    }

    /**
     * Boots KameletMain as {@code camel run <files> application.properties [--dep=...] --prop ...} does: the files as
     * the routes, the properties file as the placeholder source, the dependency, the extra properties over the file,
     * no downloads.
     */
    private void camelRun(List<Path> routeFiles, String dependency, Map<String, String> props) {
        main = new KameletMain("camel.jbang");
        main.setDownload(false);
        main.setDownloadListener(new RecordingListener());
        main.addInitialProperty("camel.main.routesIncludePattern",
                routeFiles.stream().map(file -> "file:" + file).collect(Collectors.joining(",")));
        main.addInitialProperty("camel.component.properties.location", "file:" + YAML.resolve("application.properties"));
        if (dependency != null) {
            main.addInitialProperty("camel.jbang.dependencies", dependency);
        }
        // camel run would fetch the Apache Kamelet catalog it was built with (camel-kamelets 4.17.0 for Camel 4.18.0),
        // which the Maven mirror here does not serve; the one on the test classpath stands in for it
        main.addInitialProperty("camel.jbang.kameletsVersion", System.getProperty("camel-kamelets.version"));
        // the --prop values: this test's simulator and account (the file's defaults fit the standalone simulator)
        main.addOverrideProperty("camel.component.wechat.base-url", simulator.baseUrl());
        main.addOverrideProperty("camel.component.wechat.app-id", APP_ID);
        main.addOverrideProperty("camel.component.wechat.app-secret", APP_SECRET);
        props.forEach(main::addOverrideProperty);
        main.start();
    }

    /** Every dependency the run asked for is on the classpath; with downloads off, nothing came from a repository. */
    private void assertNothingMissing() {
        MavenDependencyDownloader downloader = main.getCamelContext().hasService(MavenDependencyDownloader.class);
        List<String> missing = new ArrayList<>();
        for (String gav : List.copyOf(askedFor)) {
            String[] parts = gav.split(":");
            if (!downloader.alreadyOnClasspath(parts[0], parts[1], parts[2]) && !isComponentClassesDirectory(gav)) {
                missing.add(gav);
            }
        }
        assertEquals(List.of(), missing, "asked for but not on the classpath (would be downloaded by camel run)");
        assertEquals(List.of(), downloaded);
    }

    /**
     * The component from its {@code target/classes} (a reactor build that stopped before {@code package}): present,
     * though the runtime, which matches jar file names, does not recognise it.
     */
    private static boolean isComponentClassesDirectory(String gav) {
        return gav.equals(COMPONENT_GAV) && WeChatComponent.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath().endsWith("camel-wechat-component/target/classes/");
    }

    /** Records what the runtime asks for (on the classpath or to download) and what it downloaded. */
    private final class RecordingListener implements DownloadListener {
        @Override
        public void onDownloadDependency(String groupId, String artifactId, String version) {
            askedFor.add(groupId + ":" + artifactId + ":" + version);
        }

        @Override
        public void onDownloadedDependency(String groupId, String artifactId, String version) {
            downloaded.add(groupId + ":" + artifactId + ":" + version);
        }

        @Override
        public void onAlreadyDownloadedDependency(String groupId, String artifactId, String version) {
            // a jar found in the local Maven repository: not expected with downloads off and everything on the classpath
            downloaded.add(groupId + ":" + artifactId + ":" + version + " (local repository)");
        }
    }
}
