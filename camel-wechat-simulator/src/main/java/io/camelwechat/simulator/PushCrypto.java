package io.camelwechat.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe-mode push encryption, the sender's side (wechat-api-facts.md section 4): AES-256-CBC with
 * the key {@code Base64Decode(EncodingAESKey + "=")} and its first 16 bytes as IV, over
 * {@code random16 ‖ msgLen (4 bytes big-endian) ‖ msg ‖ receiveId} padded PKCS#7-style to a multiple of
 * <b>32</b> bytes (not AES's 16: that is what WeChat's reference code does), and the SHA-1 signatures over
 * the byte-wise sorted parameters. Immutable and thread-safe.
 */
final class PushCrypto {

    /** WeChat pads to 32-byte blocks, so the pad length is 1..32. */
    static final int BLOCK = 32;
    static final int RANDOM_LENGTH = 16;
    private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");

    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    /** @throws IllegalArgumentException unless the key is 43 Base64 characters, as the WeChat console shows it */
    PushCrypto(String encodingAesKey) {
        if (encodingAesKey == null || !ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
            throw new IllegalArgumentException("encodingAesKey must be 43 Base64 characters (A-Z a-z 0-9 + /)");
        }
        // The JDK decoder ignores non-zero trailing bits, like WeChat's: any 43 characters are a valid key.
        byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
    }

    /**
     * The Base64 {@code Encrypt} value for a message addressed to {@code receiveId} (an appid). When
     * {@code paddingByte} is not null every padding byte holds that value instead of the pad length: a deliberately
     * broken push for negative tests.
     */
    String encrypt(String plaintextXml, String receiveId, byte[] random16, Integer paddingByte) {
        if (random16 == null || random16.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("random16 must be 16 bytes");
        }
        byte[] message = plaintextXml.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(random16);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
        plain.writeBytes(message);
        plain.writeBytes(receiveId.getBytes(StandardCharsets.UTF_8));
        int pad = BLOCK - plain.size() % BLOCK; // 1..32: a full block when already aligned, as PKCS#7 does
        byte padValue = (byte) (paddingByte != null ? paddingByte : pad);
        for (int i = 0; i < pad; i++) {
            plain.write(padValue);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JVM", e);
        }
    }

    /**
     * Lower-case hex SHA-1 of the parts sorted byte-wise (as UTF-8) and joined without separator: the
     * {@code signature} over token, timestamp and nonce, and the {@code msg_signature} over those and Encrypt.
     */
    static String signature(String... parts) {
        byte[][] sorted = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            sorted[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        Arrays.sort(sorted, Arrays::compareUnsigned);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (byte[] part : sorted) {
                sha1.update(part);
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available in this JVM", e);
        }
    }
}
