package io.camelwechat.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/low-code.md shows the YAML its commands run: each block marked {@code <!-- verbatim: path -->} must be in that
 * file as it is (CamelRunTest runs those files), and every repository path the page names must exist.
 */
class LowCodePageTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
            .getParent();
    private static final Pattern VERBATIM = Pattern.compile("(?s)<!-- verbatim: (\\S+) -->\\n```yaml\\n(.*?)```");
    /** A path into this repository, as the page's commands name them (build outputs under target/ aside). */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("camel-wechat-[a-z-]+/(?!target/)[\\w./*-]+");

    @Test
    void theYamlShownIsTheYamlRun() throws IOException {
        String page = Files.readString(REPOSITORY.resolve("docs/low-code.md"));
        List<String> differing = new ArrayList<>();
        int blocks = 0;
        Matcher block = VERBATIM.matcher(page);
        while (block.find()) {
            blocks++;
            if (!Files.readString(REPOSITORY.resolve(block.group(1))).contains(block.group(2))) {
                differing.add(block.group(1) + ":\n" + block.group(2));
            }
        }
        assertEquals(3, blocks, "verbatim YAML blocks in docs/low-code.md");
        assertEquals(List.of(), differing, "shown in docs/low-code.md but not in the file");
    }

    @Test
    void everyPathThePageNamesExists() throws IOException {
        String page = Files.readString(REPOSITORY.resolve("docs/low-code.md"));
        List<String> missing = new ArrayList<>();
        Matcher path = REPOSITORY_PATH.matcher(page);
        int paths = 0;
        while (path.find()) {
            paths++;
            String named = path.group().replaceAll("[.]$", "");
            Path file = REPOSITORY.resolve(named.contains("*") ? named.substring(0, named.lastIndexOf('/')) : named);
            if (!Files.exists(file)) {
                missing.add(named);
            }
        }
        assertTrue(paths >= 5, "paths found: " + paths);
        assertEquals(List.of(), missing);
    }
}
