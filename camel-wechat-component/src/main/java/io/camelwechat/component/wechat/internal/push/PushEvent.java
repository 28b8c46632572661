package io.camelwechat.component.wechat.internal.push;

/**
 * A push that passed every check.
 *
 * @param type   the {@code Event} (for example {@code wxa_category_audit}) or the {@code InfoType} (for example
 *               {@code component_verify_ticket})
 * @param appId  the appid the push was encrypted for (plain mode: the expected appid)
 * @param body   a typed record for known events, else the Map of the push's fields (a verify ticket push's
 *               without the ticket)
 */
public record PushEvent(String type, String appId, Object body) {
}
