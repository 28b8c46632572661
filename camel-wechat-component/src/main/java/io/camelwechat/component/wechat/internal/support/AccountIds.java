package io.camelwechat.component.wechat;

import java.util.regex.Pattern;

/**
 * WeChat appids ({@code wx} and 16 hex digits for official accounts, mini programs and third-party platforms)
 * are checked loosely, as ASCII letters, digits, {@code _} and {@code -} up to 64 characters: enough to keep a
 * CR/LF, a space or a path out of URLs, request bodies and log lines, without refusing a test account's id.
 */
final class AccountIds {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String ALLOWED = "ASCII letters, digits, _ and -, at most 64 characters (like wx1234567890abcdef)";

    private AccountIds() {
    }

    /**
     * @param name the option or header the appid came from, for the message
     * @throws IllegalArgumentException naming it and what is allowed
     */
    static String check(String appId, String name) {
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw new IllegalArgumentException(name + " must be an appid of " + ALLOWED + ", got "
                                               + InputValues.describe(appId));
        }
        return appId;
    }

    /** The appid options of an endpoint, when set. */
    static void checkOptions(WeChatConfiguration configuration) {
        if (configuration.getAppId() != null && !configuration.getAppId().isEmpty()) {
            check(configuration.getAppId(), "appId");
        }
        if (configuration.getComponentAppId() != null && !configuration.getComponentAppId().isEmpty()) {
            check(configuration.getComponentAppId(), "componentAppId");
        }
        if (configuration.getAppIds() != null) {
            for (String appId : configuration.getAppIds().split(",")) {
                if (!appId.isBlank()) {
                    check(appId.trim(), "appIds");
                }
            }
        }
    }
}
