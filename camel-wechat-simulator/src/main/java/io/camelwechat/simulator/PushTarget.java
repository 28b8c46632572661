package io.camelwechat.simulator;

/**
 * Where and how one account's or one component's pushes go.
 *
 * @param url            the callback URL
 * @param token          the push token, for the signatures
 * @param encodingAesKey the 43-character key, already validated
 * @param receiveId      the appid appended inside the plaintext
 * @param outerName      {@code ToUserName} for account events, {@code AppId} for component notices
 * @param outerValue     that element's value
 */
record PushTarget(String url, String token, String encodingAesKey, String receiveId, String outerName,
                  String outerValue) {
}
