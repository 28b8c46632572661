/**
 * What users implement or plug in: a token service of their own
 * ({@link io.camelwechat.component.wechat.spi.AccessTokenProvider}), stores for verify tickets and refresh tokens,
 * the accounts a watcher polls, and the {@link io.camelwechat.component.wechat.spi.Secret} type credentials travel
 * in. Each interface states its thread-safety.
 */
package io.camelwechat.component.wechat.spi;
