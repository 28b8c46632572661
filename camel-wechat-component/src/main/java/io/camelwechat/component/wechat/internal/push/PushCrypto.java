package io.camelwechat.component.wechat.internal.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message push crypto (wechat-api-facts.md section 4): SHA-1 signatures over the sorted parameters,
 * compared in constant time, and AES-256-CBC with the EncodingAESKey, PKCS#7 padding to 32 bytes validated byte
 * by byte. Thread-safe.
 */
final class PushCrypto {

    /** What a decrypted push holds: the message XML and the appid it was encrypted for. */
    record Decrypted(byte[] message, String receiveId) {
    }

    private static final int BLOCK = 32;
    private static final int RANDOM_PREFIX = 16;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * {@code getInstance} looks the provider up on every call, and neither object is thread-safe: one per thread.
     * {@code digest()} leaves it reset for the next signature.
     */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(PushCrypto::sha1);

    /** More than the pushes a receiver handles at once (platform-http's worker threads). */
    private static final int IDLE_CIPHERS = 32;

    private final String token;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    /**
     * Idle ciphers initialised once with this receiver's key and IV: {@code doFinal} returns a cipher to that state,
     * so a push costs no provider lookup and no key schedule. Owned by this receiver rather than kept per thread, so
     * that no key schedule outlives it in the server's threads; one that failed is not put back (a failure could
     * leave it in any state).
     */
    private final BlockingQueue<Cipher> idleCiphers = new ArrayBlockingQueue<>(IDLE_CIPHERS);

    PushCrypto(String token, String encodingAesKey) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token (the push token set in the WeChat console) must be set");
        }
        this.token = token;
        if (encodingAesKey == null || encodingAesKey.isEmpty()) {
            // plain mode only: safe-mode pushes are refused
            this.key = null;
            this.iv = null;
            return;
        }
        byte[] aesKey = aesKey(encodingAesKey);
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16));
    }

    /**
     * The 32-byte AES key the 43 Base64 characters of the console's EncodingAESKey stand for.
     *
     * @throws IllegalArgumentException naming encodingAesKey, never showing it
     */
    static byte[] aesKey(String encodingAesKey) {
        if (encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("encodingAesKey must be the 43 characters the WeChat console shows, "
                                               + "got " + encodingAesKey.length());
        }
        try {
            return Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodingAesKey must be the 43 Base64 characters the WeChat console "
                                               + "shows");
        }
    }

    /** Whether safe mode is configured. */
    boolean hasKey() {
        return key != null;
    }

    /** Whether {@code signature} is the SHA-1 of the token and the parts, sorted and joined; constant time. */
    boolean signatureMatches(String signature, String... parts) {
        if (signature == null) {
            return false;
        }
        String[] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = token;
        Arrays.sort(all);
        byte[] digest = SHA1.get().digest(String.join("", all).getBytes(StandardCharsets.UTF_8));
        byte[] expected = HEX.formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private Cipher newCipher() {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC is not available", e);
        }
    }

    /**
     * @throws PushRejectedException if the ciphertext, its padding or its length fields are not well formed
     */
    Decrypted decrypt(String encrypted) throws PushRejectedException {
        if (key == null) {
            throw new PushRejectedException(400, "a safe-mode (AES) push, but no encodingAesKey is configured");
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted.trim());
        } catch (IllegalArgumentException e) {
            throw new PushRejectedException(400, "Encrypt is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            throw new PushRejectedException(400, "Encrypt is not a whole number of 32-byte blocks");
        }
        byte[] plain;
        Cipher cipher = idleCiphers.poll();
        if (cipher == null) {
            cipher = newCipher();
        }
        try {
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new PushRejectedException(400, "Encrypt cannot be decrypted");
        }
        idleCiphers.offer(cipher); // dropped when as many are idle as pushes ever ran at once

        int pad = plain[plain.length - 1] & 0xFF;
        if (pad < 1 || pad > BLOCK) {
            throw new PushRejectedException(400, "invalid PKCS#7 padding length");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xFF) != pad) {
                throw new PushRejectedException(400, "invalid PKCS#7 padding bytes");
            }
        }
        int contentLength = plain.length - pad;
        if (contentLength < RANDOM_PREFIX + 4) {
            throw new PushRejectedException(400, "decrypted message too short");
        }
        int messageLength = ByteBuffer.wrap(plain, RANDOM_PREFIX, 4).getInt();
        int messageStart = RANDOM_PREFIX + 4;
        if (messageLength < 0 || messageLength > contentLength - messageStart) {
            throw new PushRejectedException(400, "decrypted message length out of range");
        }
        byte[] message = Arrays.copyOfRange(plain, messageStart, messageStart + messageLength);
        String receiveId = new String(plain, messageStart + messageLength, contentLength - messageStart - messageLength,
                StandardCharsets.UTF_8);
        return new Decrypted(message, receiveId);
    }
}
