package io.camelwechat.component.wechat.spi;

/**
 * A forced token refresh is not possible now: WeChat allows {@code force_refresh} 20 times a day per account, at
 * least 30 s apart, and going beyond burns the API quota. Thrown by {@link AccessTokenProvider#forceRefresh}; the
 * component reports it as a rate limit, and only this type, so that an unrelated failure of a custom provider is
 * never mistaken for one.
 */
public class ForceRefreshRefusedException extends RuntimeException {

    /**
     * @param reason why not, for example "the last forced refresh was less than 30 s ago"
     */
    public ForceRefreshRefusedException(String reason) {
        super(reason);
    }
}
