package io.camelwechat.component.wechat.internal.support;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * WeChat appids ({@code wx} and 16 hex digits for official accounts, mini programs and third-party platforms)
 * are checked loosely, as ASCII letters, digits, {@code _} and {@code -} up to 64 characters: enough to keep a
 * CR/LF, a space or a path out of URLs, request bodies and log lines, without refusing a test account's id.
 */
public final class AccountIds {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final String ALLOWED = "ASCII letters, digits, _ and -, at most 64 characters (like wx1234567890abcdef)";

    private AccountIds() {
    }

    /**
     * @param name the option or header the appid came from, for the message
     * @throws IllegalArgumentException naming it and what is allowed
     */
    public static String check(String appId, String name) {
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw new IllegalArgumentException(name + " must be an appid of " + ALLOWED + ", got "
                                               + Texts.describe(appId));
        }
        return appId;
    }

    /** An optional appid option: checked when set. */
    public static void checkOption(String appId, String option) {
        if (appId != null && !appId.isEmpty()) {
            check(appId, option);
        }
    }

    /** A comma-separated list of appids, each checked; blank entries dropped, duplicates kept once. */
    public static List<String> parseList(String appIds, String option) {
        return Arrays.stream(appIds.split(",")).map(String::trim).filter(appId -> !appId.isEmpty())
                .map(appId -> check(appId, option)).distinct().toList();
    }
}
