package io.camelwechat.component.wechat.internal.push;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The push query is read as URLDecoder reads it, decoding only the parameters that need it. */
class PushQueryTest {

    @Test
    void parametersAreDecoded_theFirstOfARepeatedNameCounts_andEmptyPairsAreSkipped() {
        assertEquals(Map.of("nonce", "a+b/c", "timestamp", "1700000000", "echostr", "x y", "flag", "", "n%", "v"),
                PushReceiver.query("&nonce=a%2Bb%2Fc&&timestamp=1700000000&echostr=x+y&flag&nonce=second&n%25=v&"));
        assertEquals(Map.of("a", "b=c"), PushReceiver.query("a=b=c"), "only the first = separates");
        assertEquals(Map.of(), PushReceiver.query(""));
        assertEquals(Map.of(), PushReceiver.query(null));
    }

    @Test
    void aMalformedEscapeFailsAsURLDecoderDoes() {
        assertThrows(IllegalArgumentException.class, () -> PushReceiver.query("nonce=%zz"));
    }
}
