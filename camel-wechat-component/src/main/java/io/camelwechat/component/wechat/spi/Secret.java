package io.camelwechat.component.wechat.spi;

/**
 * A credential: an app secret, an access token, a verify ticket, a refresh token. Its {@link #toString()} is
 * masked, so a record, a map or a log line holding one never shows it; {@link #reveal()} hands out the value where
 * it must go on the wire. JSON mappers other than the component's own do not know how to write one. Immutable and
 * thread-safe.
 */
public final class Secret {

    private static final String MASK = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException if the value is null or blank
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** A secret for a value that may be missing: null for null or blank. */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value);
    }

    /** The value itself: for the wire and for comparisons, never for a message. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
