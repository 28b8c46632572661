package io.camelwechat.component.wechat.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SQL that "Running on many nodes" tells users to run by hand is the DDL the component runs itself. */
class SchemaDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "many-nodes.md");
    private static final String SCHEMA = "/io/camelwechat/component/wechat/jdbc/wechat-schema.sql";

    @Test
    void theDocumentedSqlIsTheShippedSchema() throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf("```sql\n") + "```sql\n".length();
        String documented = page.substring(start, page.indexOf("```", start));
        String shipped;
        try (InputStream in = SchemaDocsTest.class.getResourceAsStream(SCHEMA)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(statements(shipped), statements(documented), PAGE + " shows other SQL than " + SCHEMA);
    }

    /** The statements without comments and blank lines. */
    private static String statements(String sql) {
        return sql.lines().filter(line -> !line.isBlank() && !line.startsWith("--")).collect(Collectors.joining("\n"));
    }
}
