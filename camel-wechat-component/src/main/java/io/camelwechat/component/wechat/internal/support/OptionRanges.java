package io.camelwechat.component.wechat.internal.support;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * The range of every numeric and duration option, checked when an endpoint is created (the component's own when it
 * starts), so that a wrong value fails at once with a message naming the option and what it may be, never later
 * as a library's error that names neither.
 */
public final class OptionRanges {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MEGABYTE = 1024 * 1024;
    /** Camel's duration text: 1h30m, 5m, 10s, 250ms (a bare number is milliseconds). */
    private static final Pattern DURATION = Pattern.compile("(?i)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?");

    public enum Unit {
        COUNT(""),
        BYTES(" bytes"),
        MILLISECONDS(" ms");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    /** One option's allowed values. */
    public record Range(String option, long min, long max, Unit unit) {

        void check(Object value) {
            if (value == null) {
                return; // not set: the option's default applies
            }
            long actual = ((Number) value).longValue();
            if (actual < min || actual > max) {
                throw new IllegalArgumentException(allowed() + ", got '" + actual + "'");
            }
        }

        /** Checks a value as the URI writes it; what Camel would read wrongly or not at all is refused here. */
        void checkWritten(String text) {
            if (text.startsWith("{{") || text.startsWith("#")) {
                return; // a property placeholder or a bean reference: Camel resolves it, check() sees the value
            }
            if (text.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
                // Camel would read other scripts' digits as numbers
                throw refused(text, ", written with the ASCII digits 0-9");
            }
            if (Texts.isAsciiInteger(text)) {
                BigInteger number = new BigInteger(text);
                if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
                    throw refused(text, "");
                }
            } else if (unit != Unit.MILLISECONDS || text.isEmpty() || !DURATION.matcher(text).matches()) {
                // Camel reads text it cannot convert as 0, and a negative duration like -5s as 0
                throw refused(text, "");
            }
        }

        private IllegalArgumentException refused(String text, String how) {
            return new IllegalArgumentException(allowed() + how + ", got '" + text + "'");
        }

        /** For messages and the reference docs: {@code <option> must be between ... and ...}. */
        public String allowed() {
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

    /** The endpoint options (the scheduler's delay included, as the category watcher uses it). */
    public static final List<Range> ENDPOINT = List.of(
            new Range("pollConcurrency", 1, 256, Unit.COUNT),
            new Range("timestampWindow", SECOND, DAY, Unit.MILLISECONDS),
            new Range("maxBodySize", 1024, 16 * MEGABYTE, Unit.BYTES),
            new Range("tokenExpiryMargin", 0, 2 * HOUR, Unit.MILLISECONDS),
            new Range("tokenRefreshAhead", 0, 2 * HOUR, Unit.MILLISECONDS),
            new Range("busyRetries", 0, 10, Unit.COUNT),
            new Range("busyRetryDelay", 0, MINUTE, Unit.MILLISECONDS),
            new Range("mediaMaxSize", 1, 10 * MEGABYTE, Unit.BYTES),
            // Camel reads the scheduler's other options' -1 as "its default"
            new Range("delay", 1, Long.MAX_VALUE, Unit.MILLISECONDS));

    /** The component options. */
    public static final List<Range> COMPONENT = List.of(
            new Range("connectTimeout", 1, HOUR, Unit.MILLISECONDS),
            new Range("responseTimeout", 1, HOUR, Unit.MILLISECONDS),
            new Range("maxConnections", 1, 10_000, Unit.COUNT),
            new Range("proxyPort", 1, 65_535, Unit.COUNT),
            new Range("quotaCooldown", 0, DAY, Unit.MILLISECONDS));

    private OptionRanges() {
    }

    /**
     * Checks the numbers written in the URI before Camel binds them: Camel narrows {@code 99999999999} into an int
     * by overflow and reads a duration like {@code -5s} as 0, both without a word.
     */
    public static void checkWritten(Map<String, Object> parameters) {
        parameters.forEach((option, value) -> {
            if (value instanceof String text) {
                find(option).ifPresent(range -> range.checkWritten(text.trim()));
            }
        });
    }

    /**
     * Checks the bound values, read by option name through Camel's generated configurer of the endpoint or the
     * component, so that each option is named once, here.
     *
     * @throws IllegalArgumentException naming the option and its range
     */
    public static void check(List<Range> ranges, PropertyConfigurerGetter options, Object target) {
        for (Range range : ranges) {
            range.check(options.getOptionValue(target, range.option(), false));
        }
    }

    /**
     * Camel could not bind a URI option (a negative duration, a number too large for its type): the same failure,
     * saying which option and what it may be.
     */
    public static IllegalArgumentException bindingFailed(PropertyBindingException e) {
        String option = e.getPropertyName();
        Optional<Range> range = find(option);
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

    private static Optional<Range> find(String option) {
        return Stream.concat(ENDPOINT.stream(), COMPONENT.stream())
                .filter(range -> range.option().equalsIgnoreCase(option)).findFirst();
    }
}
