package io.camelwechat.simulator;

import java.util.Random;

/**
 * Opaque random identifiers (tokens, media_ids, push nonces and random prefixes, error rids) drawn from the
 * injected {@link Random}, so a seeded simulator hands out the same ids run after run (for the same request
 * order).
 */
final class RandomIds {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();
    private static final char[] DIGITS = "0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Random random;

    RandomIds(Random random) {
        this.random = random;
    }

    /** Letters, digits, {@code _} and {@code -}: tokens, tickets, media_ids. */
    String next(int length) {
        return draw(length, ALPHABET);
    }

    /** Random decimal digits, e.g. a push's nonce (WeChat's nonces are all digits). */
    String digits(int length) {
        return draw(length, DIGITS);
    }

    /** Random lower-case hex digits, e.g. the random groups of an error's rid. */
    String hex(int length) {
        return draw(length, HEX);
    }

    /** Random bytes, e.g. the 16 that start an encrypted push's plaintext. */
    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return bytes;
    }

    /** A probability draw for fault injection. */
    boolean chance(double probability) {
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }

    private String draw(int length, char[] alphabet) {
        char[] chars = new char[length];
        synchronized (random) { // one id's characters come from one uninterrupted stretch of the sequence
            for (int i = 0; i < length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
        }
        return new String(chars);
    }
}
