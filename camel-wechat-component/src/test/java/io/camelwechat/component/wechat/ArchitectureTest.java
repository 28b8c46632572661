package io.camelwechat.component.wechat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.camelwechat.component.wechat.internal.operation.WeChatOperation;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layers of the component, checked on its compiled classes (see docs/architecture.md): the Camel shell on top,
 * the engine behind one seam, nothing internal reaching up into the shell, no package cycles, and the
 * declarations that must exist once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String ROOT = "io.camelwechat.component.wechat";
    /** The root's leaf vocabulary: what internal code may use of the public face. */
    private static final Set<Class<?>> VOCABULARY = Set.of(WeChatConstants.class, WeChatApi.class,
            WeChatException.class, WeChatApiException.class, WeChatHttpException.class, WeChatDatabaseException.class);
    private static final Class<?>[] SHELL = { WeChatComponent.class, WeChatEndpoint.class, WeChatConfiguration.class,
                                              WeChatProducer.class, WeChatTypeConverters.class,
                                              WeChatDevConsole.class };

    private JavaClasses classes;

    @BeforeAll
    void importMainClasses() {
        // DO_NOT_INCLUDE_TESTS knows test-classes folders, not the test jar the camel-versions modules run from
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
    }

    @Test
    void nothingInternal_dependsOnTheCamelShell() {
        noClasses().that().resideInAPackage(ROOT + ".internal..").should().dependOnClassesThat()
                .belongToAnyOf(SHELL).check(classes);
    }

    @Test
    void theVocabularyModelSpiAndJdbc_dependOnNothingInternal() {
        noClasses().that().belongToAnyOf(VOCABULARY.toArray(Class<?>[]::new))
                .or().resideInAnyPackage(ROOT + ".model..", ROOT + ".spi..", ROOT + ".jdbc..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".internal..").check(classes);
    }

    @Test
    void noPackageCycles_withTheRootsVocabularyAsALeaf() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(ROOT)) {
                    return SliceIdentifier.ignore();
                }
                if (name.equals(ROOT)) {
                    return SliceIdentifier.of(isVocabulary(javaClass) ? "vocabulary" : "shell");
                }
                return SliceIdentifier.of(name.substring(ROOT.length() + 1));
            }

            @Override
            public String getDescription() {
                return "packages, the root split into the Camel shell and its leaf vocabulary";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void layers_callOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Shell").definedBy(DescribedPredicate.describe("the Camel shell",
                        javaClass -> javaClass.getPackageName().equals(ROOT) && !isVocabulary(javaClass)))
                .layer("Operation").definedBy(ROOT + ".internal.operation..")
                .layer("Watcher").definedBy(ROOT + ".internal.watcher..")
                .layer("Push").definedBy(ROOT + ".internal.push..")
                .layer("Engine").definedBy(ROOT + ".internal.engine..")
                .layer("Token").definedBy(ROOT + ".internal.token..")
                .layer("Client").definedBy(ROOT + ".internal.client..")
                .layer("Support").definedBy(ROOT + ".internal.support..")
                .layer("Tracing").definedBy(ROOT + ".internal.tracing..")
                .whereLayer("Shell").mayNotBeAccessedByAnyLayer()
                .whereLayer("Tracing").mayNotBeAccessedByAnyLayer()
                .whereLayer("Operation").mayOnlyBeAccessedByLayers("Shell")
                .whereLayer("Watcher").mayOnlyBeAccessedByLayers("Shell")
                .whereLayer("Push").mayOnlyBeAccessedByLayers("Shell")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Shell", "Watcher", "Push")
                .whereLayer("Token").mayOnlyBeAccessedByLayers("Shell", "Engine")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Shell", "Operation", "Watcher", "Engine", "Token")
                .whereLayer("Support").mayOnlyBeAccessedByLayers("Shell", "Operation", "Watcher", "Push", "Engine",
                        "Token", "Client")
                .check(classes);
    }

    @Test
    void onlyTheSpanDecorators_useCamelsTracingSpis() {
        // the SPIs are optional dependencies: a class of the component that needed them would break without tracing
        noClasses().that().resideOutsideOfPackage(ROOT + ".internal.tracing..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.camel.tracing..", "org.apache.camel.telemetry..").check(classes);
    }

    private static boolean isVocabulary(JavaClass javaClass) {
        return VOCABULARY.stream().anyMatch(type -> javaClass.getName().equals(type.getName())
                                                    || javaClass.getName().startsWith(type.getName() + "$"));
    }

    @Test
    void headerNames_areDeclaredOnlyInWeChatConstants() throws IOException {
        Pattern headerLiteral = Pattern.compile("\"CamelWeChat\\w*\"");
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (source.getFileName().toString().equals("WeChatConstants.java")) {
                    continue;
                }
                Matcher literal = headerLiteral.matcher(Files.readString(source));
                while (literal.find()) {
                    elsewhere.add(source.getFileName() + ": " + literal.group());
                }
            }
        }
        assertEquals(List.of(), elsewhere, "header names written outside WeChatConstants");
    }

    @Test
    void theOpOptionsValues_areTheOperationTables() throws Exception {
        JsonNode op;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            op = new ObjectMapper().readTree(((CatalogCamelContext) context).getComponentParameterJsonSchema("wechat"))
                    .path("properties").path("op");
        }
        List<String> catalog = new ArrayList<>();
        op.path("enum").forEach(value -> catalog.add(value.asText()));

        assertEquals(Arrays.stream(WeChatOperation.values()).map(WeChatOperation::op)
                .filter(java.util.Objects::nonNull).distinct().toList(), catalog,
                "the op option's enums (tooling validates URIs with them) list the table's operations, in order");
    }
}
