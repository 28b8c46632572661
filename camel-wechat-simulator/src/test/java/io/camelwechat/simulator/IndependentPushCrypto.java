package io.camelwechat.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal receiver-side implementation of WeChat's push crypto, written from wechat-api-facts.md section 4
 * without using the simulator's code, so the tests check the simulator against a second reading of the spec.
 */
final class IndependentPushCrypto {

    /** A decrypted push, or why it could not be decrypted. */
    record Opened(String message, String receiveId, String error) {
    }

    private IndependentPushCrypto() {
    }

    static String sha1Hex(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted); // all test inputs are ASCII, where UTF-16 order is byte order
        byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    static Opened open(String encodingAesKey, String encrypt) {
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
            if (plain.length % 32 != 0) {
                return new Opened(null, null, "plaintext not a multiple of 32 bytes: " + plain.length);
            }
            int pad = plain[plain.length - 1] & 0xff;
            if (pad < 1 || pad > 32) {
                return new Opened(null, null, "bad padding " + pad);
            }
            for (int i = plain.length - pad; i < plain.length; i++) {
                if ((plain[i] & 0xff) != pad) {
                    return new Opened(null, null, "inconsistent padding");
                }
            }
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            String message = new String(plain, 20, length, StandardCharsets.UTF_8);
            String receiveId = new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8);
            return new Opened(message, receiveId, null);
        } catch (Exception e) {
            return new Opened(null, null, e.toString());
        }
    }
}
