/**
 * Not API: the component's implementation, free to change in any release; do not import from it. Its layers, from
 * the top: {@code operation} (the operation table and the request binders), {@code watcher} and {@code push} (the
 * consumers' work) over {@code engine} (the one seam to WeChat: accounts, tokens, retries, the quota circuit,
 * metrics), {@code token} (getting and caching tokens), {@code client} (the one HTTP transport), with
 * {@code support} beside them all. Nothing here depends on the Camel shell above it; {@code ArchitectureTest} checks
 * it.
 */
package io.camelwechat.component.wechat.internal;
