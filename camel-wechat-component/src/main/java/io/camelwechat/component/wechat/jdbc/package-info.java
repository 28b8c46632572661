/**
 * Shared state on a database (PostgreSQL tested; MySQL 8 meant to work): what the component's {@code dataSource}
 * option puts there, and the classes to declare yourself for a database of your own ({@link
 * io.camelwechat.component.wechat.jdbc.JdbcStateRepository}, the verify ticket and refresh token stores). The DDL is
 * {@link io.camelwechat.component.wechat.jdbc.WeChatDatabase#SCHEMA_RESOURCE} in the jar.
 */
package io.camelwechat.component.wechat.jdbc;
