package io.camelwechat.simulator;

import java.util.Random;

/**
 * Opaque random identifiers (tokens, media_ids, push nonces and random prefixes) drawn from the injected
 * {@link Random}, so a seeded simulator hands out the same ids run after run (for the same request order).
 */
final class RandomIds {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

    private final Random random;

    RandomIds(Random random) {
        this.random = random;
    }

    String next(int length) {
        char[] chars = new char[length];
        synchronized (random) { // one id's characters come from one uninterrupted stretch of the sequence
            for (int i = 0; i < length; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
        }
        return new String(chars);
    }

    /** Random bytes, e.g. the 16 that start an encrypted push's plaintext. */
    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return bytes;
    }

    /** Random decimal digits, e.g. a push's nonce (WeChat's nonces are all digits). */
    String digits(int length) {
        char[] chars = new char[length];
        synchronized (random) {
            for (int i = 0; i < length; i++) {
                chars[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(chars);
    }

    /** A probability draw for fault injection. */
    boolean chance(double probability) {
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }
}
