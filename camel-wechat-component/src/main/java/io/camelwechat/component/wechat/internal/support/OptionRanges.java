package io.camelwechat.component.wechat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import io.camelwechat.component.wechat.internal.support.Texts;
import org.apache.camel.PropertyBindingException;

/**
 * The range of every numeric and duration option, checked when an endpoint is created (the component's own when it
 * starts), so that a wrong value fails at once with a message naming the option and what it may be, never later
 * as a library's error that names neither.
 */
final class OptionRanges {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MEGABYTE = 1024 * 1024;

    enum Unit {
        COUNT(""),
        BYTES(" bytes"),
        MILLISECONDS(" ms");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    /** One option's allowed values, and how to read it from what holds it. */
    record Range<T>(String option, long min, long max, Unit unit, ToLongFunction<T> value) {

        void check(T holder) {
            long actual = value.applyAsLong(holder);
            if (actual < min || actual > max) {
                throw new IllegalArgumentException(allowed() + ", got " + actual);
            }
        }

        void checkWritten(String text) {
            if (text.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
                // Camel would read other scripts' digits as numbers
                throw new IllegalArgumentException(allowed() + ", written with the ASCII digits 0-9; got '" + text
                                                   + "'");
            }
            boolean outOfRange = text.startsWith("-"); // no option here may be negative, whatever its unit
            if (!outOfRange && Texts.isAsciiInteger(text)) {
                BigInteger number = new BigInteger(text);
                outOfRange = number.compareTo(BigInteger.valueOf(min)) < 0
                             || number.compareTo(BigInteger.valueOf(max)) > 0;
            }
            if (outOfRange) {
                throw new IllegalArgumentException(allowed() + ", got '" + text + "'");
            }
        }

        String allowed() {
            boolean unbounded = max == Long.MAX_VALUE;
            String range = unbounded ? "at least " + min + unit.suffix : "between " + min + " and " + max + unit.suffix;
            if (unit == Unit.MILLISECONDS) {
                range += " (" + (unbounded ? readable(min) : readable(min) + " to " + readable(max))
                         + "; milliseconds, or a duration like 30s or 5m)";
            }
            return option + " must be " + range;
        }

        private static String readable(long millis) {
            return millis < SECOND && millis > 0 ? millis + "ms"
                    : Duration.ofMillis(millis).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final List<Range<WeChatEndpoint>> ENDPOINT = List.of(
            new Range<>("pollConcurrency", 1, 256, Unit.COUNT, e -> e.getConfiguration().getPollConcurrency()),
            new Range<>("timestampWindow", SECOND, DAY, Unit.MILLISECONDS,
                    e -> e.getConfiguration().getTimestampWindow()),
            new Range<>("maxBodySize", 1024, 16 * MEGABYTE, Unit.BYTES, e -> e.getConfiguration().getMaxBodySize()),
            new Range<>("tokenExpiryMargin", 0, 2 * HOUR, Unit.MILLISECONDS,
                    e -> e.getConfiguration().getTokenExpiryMargin()),
            new Range<>("tokenRefreshAhead", 0, 2 * HOUR, Unit.MILLISECONDS,
                    e -> e.getConfiguration().getTokenRefreshAhead()),
            new Range<>("busyRetries", 0, 10, Unit.COUNT, e -> e.getConfiguration().getBusyRetries()),
            new Range<>("busyRetryDelay", 0, MINUTE, Unit.MILLISECONDS,
                    e -> e.getConfiguration().getBusyRetryDelay()),
            new Range<>("mediaMaxSize", 1, 10 * MEGABYTE, Unit.BYTES, e -> e.getConfiguration().getMediaMaxSize()),
            // the scheduler's, as the category watcher uses it (Camel reads its other options' -1 as "default")
            new Range<>("delay", 1, Long.MAX_VALUE, Unit.MILLISECONDS, WeChatEndpoint::getDelay));

    static final List<Range<WeChatComponent>> COMPONENT = List.of(
            new Range<>("connectTimeout", 1, HOUR, Unit.MILLISECONDS, WeChatComponent::getConnectTimeout),
            new Range<>("responseTimeout", 1, HOUR, Unit.MILLISECONDS, WeChatComponent::getResponseTimeout),
            new Range<>("maxConnections", 1, 10_000, Unit.COUNT, WeChatComponent::getMaxConnections),
            new Range<>("proxyPort", 1, 65_535, Unit.COUNT,
                    c -> c.getProxyHost() == null || c.getProxyHost().isBlank() ? 1
                            : c.getProxyPort() == null ? 0 : c.getProxyPort()),
            new Range<>("quotaCooldown", 0, DAY, Unit.MILLISECONDS, WeChatComponent::getQuotaCooldown));

    private OptionRanges() {
    }

    /**
     * Checks the numbers written in the URI before Camel binds them: Camel narrows {@code 99999999999} into an int
     * by overflow and reads a duration like {@code -5s} as 0, both without a word.
     */
    static void checkWritten(Map<String, Object> parameters) {
        parameters.forEach((option, value) -> {
            if (value instanceof String text) {
                find(option).ifPresent(range -> range.checkWritten(text.trim()));
            }
        });
    }

    static <T> void check(List<Range<T>> ranges, T holder) {
        ranges.forEach(range -> range.check(holder));
    }

    /**
     * Camel could not bind a URI option (a negative duration, a number too large for its type): the same failure,
     * saying which option and what it may be.
     */
    static IllegalArgumentException bindingFailed(PropertyBindingException e) {
        String option = e.getPropertyName();
        Optional<Range<?>> range = find(option);
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause == e ? "" : " (" + cause.getMessage() + ")";
        // only a numeric option's value is shown: another one may be a credential
        return new IllegalArgumentException(range.isPresent()
                ? range.get().allowed() + ", got '" + e.getValue() + "'" + why
                : "option " + option + " cannot take the value given" + why, e);
    }

    private static Optional<Range<?>> find(String option) {
        return java.util.stream.Stream.concat(ENDPOINT.stream(), COMPONENT.stream())
                .filter(range -> range.option().equalsIgnoreCase(option)).<Range<?>>map(range -> range).findFirst();
    }
}
