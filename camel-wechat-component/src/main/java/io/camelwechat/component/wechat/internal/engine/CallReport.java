package io.camelwechat.component.wechat.internal.engine;

/**
 * What one WeChat call came to, told to its caller once it ended, answered or not: for the facts a producer puts on
 * its exchange (and tracing copies to the call's span). Holds no token, secret or query string.
 *
 * @param api     WeChat's name of the API, for example {@code getSettingCategories}
 * @param path    the path called, without the query, for example {@code /cgi-bin/wxopen/getcategory}
 * @param appId   the account the call acted for
 * @param errcode WeChat's errcode: 0 for a call that succeeded, null when WeChat gave none (no connection, no answer
 *                in time, an HTTP error, an answer that is not WeChat's JSON)
 * @param retries how often the call was sent again: after a token rejection (at most once) and after busy answers
 */
public record CallReport(String api, String path, String appId, Integer errcode, int retries) {
}
