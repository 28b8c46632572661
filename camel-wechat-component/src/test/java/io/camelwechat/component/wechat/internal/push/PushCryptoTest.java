package io.camelwechat.component.wechat.internal.push;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known-answer vectors computed with openssl and sha1sum (src/test/resources/push/generate-vectors.sh), not with
 * this code: the receiver must verify and decrypt exactly what WeChat's algorithm produces.
 */
class PushCryptoTest {

    private static Properties vectors() throws IOException {
        Properties vectors = new Properties();
        try (Reader reader = new InputStreamReader(PushCryptoTest.class.getResourceAsStream("/push/push-vectors.properties"),
                StandardCharsets.UTF_8)) {
            vectors.load(reader);
        }
        return vectors;
    }

    @Test
    void signaturesOfTheVectorMatch_andAnyChangeBreaksThem() throws IOException {
        Properties v = vectors();
        PushCrypto crypto = new PushCrypto(v.getProperty("token"), v.getProperty("encodingAesKey"));

        assertTrue(crypto.signatureMatches(v.getProperty("signature"), v.getProperty("timestamp"), v.getProperty("nonce")));
        assertTrue(crypto.signatureMatches(v.getProperty("msgSignature"), v.getProperty("timestamp"),
                v.getProperty("nonce"), v.getProperty("encrypt")));
        assertTrue(crypto.signatureMatches(v.getProperty("signature").toUpperCase(), v.getProperty("timestamp"),
                v.getProperty("nonce")), "hex case does not matter");
        assertFalse(crypto.signatureMatches(v.getProperty("signature"), v.getProperty("timestamp"), "1234567891"));
        assertFalse(crypto.signatureMatches(v.getProperty("msgSignature"), v.getProperty("timestamp"),
                v.getProperty("nonce"), v.getProperty("encrypt") + "A"));
        assertFalse(new PushCrypto("another-token", v.getProperty("encodingAesKey"))
                .signatureMatches(v.getProperty("signature"), v.getProperty("timestamp"), v.getProperty("nonce")));
        assertFalse(crypto.signatureMatches(null, v.getProperty("timestamp"), v.getProperty("nonce")));
    }

    @Test
    void decryptsTheVectorToItsMessageAndAppId() throws Exception {
        Properties v = vectors();
        PushCrypto crypto = new PushCrypto(v.getProperty("token"), v.getProperty("encodingAesKey"));

        PushCrypto.Decrypted decrypted = crypto.decrypt(v.getProperty("encrypt"));

        assertArrayEquals(v.getProperty("message").getBytes(StandardCharsets.UTF_8), decrypted.message());
        assertEquals(v.getProperty("appId"), decrypted.receiveId());
    }

    @Test
    void damagedCiphertextIsRejected() throws IOException {
        Properties v = vectors();
        PushCrypto crypto = new PushCrypto(v.getProperty("token"), v.getProperty("encodingAesKey"));
        byte[] cipherText = Base64.getDecoder().decode(v.getProperty("encrypt"));
        byte[] truncated = java.util.Arrays.copyOf(cipherText, cipherText.length - 16);
        byte[] lastBlockFlipped = cipherText.clone();
        lastBlockFlipped[lastBlockFlipped.length - 1] ^= 0x55;

        assertEquals(400, assertThrows(PushRejectedException.class,
                () -> crypto.decrypt(Base64.getEncoder().encodeToString(truncated))).httpStatus());
        assertThrows(PushRejectedException.class,
                () -> crypto.decrypt(Base64.getEncoder().encodeToString(lastBlockFlipped)),
                "a flipped last block garbles the padding");
        assertThrows(PushRejectedException.class, () -> crypto.decrypt("not base64 !!"));
        assertThrows(PushRejectedException.class, () -> new PushCrypto("t", null).decrypt(v.getProperty("encrypt")),
                "no key configured: safe mode refused");
    }

    @Test
    void reusedCiphersAndDigests_decryptAndVerifyPushAfterPush_evenAfterARejectedOne_onManyThreadsAtOnce() throws Exception {
        Properties v = vectors();
        PushCrypto crypto = new PushCrypto(v.getProperty("token"), v.getProperty("encodingAesKey"));
        byte[] cipherText = Base64.getDecoder().decode(v.getProperty("encrypt"));
        byte[] garbled = cipherText.clone();
        garbled[garbled.length - 1] ^= 0x55;
        String garbledText = Base64.getEncoder().encodeToString(garbled);
        byte[] message = v.getProperty("message").getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 3; i++) {
            assertArrayEquals(message, crypto.decrypt(v.getProperty("encrypt")).message(), "push " + i);
            assertThrows(PushRejectedException.class, () -> crypto.decrypt(garbledText));
            assertFalse(crypto.signatureMatches(v.getProperty("signature"), v.getProperty("timestamp"), "other"));
            assertTrue(crypto.signatureMatches(v.getProperty("signature"), v.getProperty("timestamp"),
                    v.getProperty("nonce")), "push " + i);
        }
        PushCrypto otherKey = new PushCrypto(v.getProperty("token"), "bcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH");
        assertThrows(PushRejectedException.class, () -> otherKey.decrypt(v.getProperty("encrypt")),
                "each receiver decrypts with its own key, on a thread that already decrypted with another");
        // many pushes at once share the receiver's idle ciphers: each gets one of its own, none sees another's state
        List<byte[]> decrypted = IntStream.range(0, 400).parallel().mapToObj(i -> {
            try {
                return crypto.decrypt(i % 3 == 0 ? garbledText : v.getProperty("encrypt")).message();
            } catch (PushRejectedException rejected) {
                return null;
            }
        }).toList();
        for (int i = 0; i < decrypted.size(); i++) {
            if (i % 3 == 0) {
                assertNull(decrypted.get(i), "garbled push " + i + " rejected");
            } else {
                assertArrayEquals(message, decrypted.get(i), "push " + i);
            }
        }
    }

    @Test
    void aKeyThatIsNot43Base64CharactersIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new PushCrypto("token", "short"));
        assertThrows(IllegalArgumentException.class, () -> new PushCrypto("token", "!bcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"));
        assertThrows(IllegalArgumentException.class, () -> new PushCrypto(" ", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"));
    }
}
