package io.camelwechat.component.wechat.internal.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where access tokens come from (the {@code tokenMode} option). */
public enum TokenMode {
    /** {@code POST /cgi-bin/stable_token}: the same token for every caller, safe across a cluster (default). */
    STABLE,
    /** {@code GET /cgi-bin/token}: each fetch ends the previous token five minutes later. */
    CLASSIC,
    /** A token obtained outside the component, given as the {@code accessToken} option. */
    STATIC,
    /** A third-party platform acting for the accounts that authorized it ({@code authorizer_access_token}). */
    AUTHORIZER;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the valid values
     */
    public static TokenMode fromOption(String value) {
        for (TokenMode mode : values()) {
            if (mode.optionValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("tokenMode must be one of "
                                           + Arrays.stream(values()).map(TokenMode::optionValue)
                                                   .collect(Collectors.joining(", "))
                                           + ", got " + value);
    }
}
