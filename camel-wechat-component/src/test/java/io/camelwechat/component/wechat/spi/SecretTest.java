package io.camelwechat.component.wechat.spi;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.internal.support.WireFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A credential shows itself nowhere but on the wire to WeChat. */
class SecretTest {

    record Holder(Secret secret) {
    }

    @Test
    void printedMasked_andOnlyTheComponentsMapperWritesItsValue() {
        Secret secret = Secret.of("the-value-1");
        String written;
        try {
            written = new ObjectMapper().writeValueAsString(new Holder(secret));
        } catch (Exception e) {
            written = e.getMessage(); // an application's mapper does not know the type: it fails, naming no value
        }

        assertEquals("***", secret.toString());
        assertEquals("Holder[secret=***]", new Holder(secret).toString());
        assertFalse(written.contains("the-value-1"), written);
        assertEquals("{\"secret\":\"the-value-1\"}", WireFormat.toTree(Map.of("secret", secret)).toString());
    }
}
