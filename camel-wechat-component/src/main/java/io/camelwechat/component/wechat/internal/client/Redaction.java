package io.camelwechat.component.wechat.internal.client;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Keeps credentials out of what the transport throws. A library's exception may quote the request it failed on
 * (a {@code URISyntaxException} quotes the whole URL, access token included), so every cause the transport
 * attaches goes through {@link #withoutSecrets}: a chain that holds none of the request's secrets is kept as it
 * is, one that does is replaced by copies whose messages have the secrets masked.
 */
final class Redaction {

    static final String MASK = "***";

    private Redaction() {
    }

    static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** The cause chain as it is when no message in it holds a secret; else a masked copy of the whole chain. */
    static Throwable withoutSecrets(Throwable cause, Collection<String> secrets) {
        if (cause == null || !holdsSecret(cause, secrets)) {
            return cause;
        }
        return RedactedException.copyOf(cause, secrets, new IdentityHashMap<>());
    }

    private static boolean holdsSecret(Throwable chain, Collection<String> secrets) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = chain; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            String shown = t.toString();
            for (String secret : secrets) {
                if (!secret.isEmpty() && shown.contains(secret)) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (holdsSecret(suppressed, secrets)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stands in for an exception whose message held a secret: its class name and masked message, its stack. */
    static final class RedactedException extends Exception {

        private final String originalClassName;

        private RedactedException(String originalClassName, String maskedMessage) {
            super(maskedMessage);
            this.originalClassName = originalClassName;
        }

        static RedactedException copyOf(Throwable original, Collection<String> secrets,
                                        Map<Throwable, RedactedException> copies) {
            RedactedException copy = copies.get(original);
            if (copy != null) {
                return copy;
            }
            copy = new RedactedException(original.getClass().getName(), mask(original.getMessage(), secrets));
            copies.put(original, copy);
            copy.setStackTrace(original.getStackTrace());
            if (original.getCause() != null && original.getCause() != original) {
                copy.initCause(copyOf(original.getCause(), secrets, copies));
            }
            return copy;
        }

        /** The class of the exception this one replaces. */
        public String getOriginalClassName() {
            return originalClassName;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return originalClassName + " (secrets masked)" + (message == null ? "" : ": " + message);
        }
    }
}
