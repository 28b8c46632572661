package io.camelwechat.component.wechat.internal.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.camelwechat.component.wechat.internal.support.Texts;

/** The {@code baseUrl} option: where WeChat's API paths are appended. */
public final class BaseUrl {

    /** WeChat's own API host. */
    public static final String WECHAT = "https://api.weixin.qq.com";
    /** What may be a user name and password: never repeated in a message. */
    private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]*://)[^/?#]*@");

    private BaseUrl() {
    }

    /**
     * Checks a base URL: http or https, a host, an optional port and an optional path prefix (for a gateway); no
     * user info (a credential in a URL ends up in logs), no query, no fragment, no control characters.
     *
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException naming baseUrl and what is allowed
     */
    public static String check(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw refused(baseUrl, "it is not set");
        }
        for (int i = 0; i < baseUrl.length(); i++) {
            if (Character.isISOControl(baseUrl.charAt(i)) || Character.isWhitespace(baseUrl.charAt(i))) {
                throw refused(baseUrl, "it holds a control or space character at index " + i);
            }
        }
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw refused(baseUrl, e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(baseUrl, "the scheme must be http or https");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            throw refused(baseUrl, "it names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(baseUrl, "it holds user info; credentials do not belong in a URL");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw refused(baseUrl, "the port must be between 1 and 65535");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || trimmed.endsWith("?")
            || trimmed.endsWith("#")) {
            throw refused(baseUrl, "it holds a query or fragment; the API path and the access token are added to it");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty()
            && (path.contains("//") || !uri.normalize().getRawPath().equals(path) || path.contains("%"))) {
            throw refused(baseUrl, "its path prefix holds empty, dot or encoded segments");
        }
        return trimmed;
    }

    private static IllegalArgumentException refused(String baseUrl, String why) {
        return new IllegalArgumentException("baseUrl must be the scheme, host, optional port and optional path prefix "
                                            + "of the WeChat API (like " + WECHAT + " or http://127.0.0.1:8080/wechat"
                                            + "), got " + (baseUrl == null ? "null" : "'" + Texts.printable(USER_INFO.matcher(baseUrl).replaceFirst("$1***@"), 200) + "'")
                                            + ": " + why);
    }
}
