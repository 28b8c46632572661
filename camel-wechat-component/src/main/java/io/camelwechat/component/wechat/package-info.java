/**
 * The public face of the {@code wechat:} Camel component: the component, endpoint, configuration, producer, the
 * header names ({@link io.camelwechat.component.wechat.WeChatConstants}) and the exceptions a route catches.
 * Together with {@code model} (the wire records) and {@code spi} (what users implement or plug in), this is the
 * API; everything under {@code internal} may change in any release.
 */
package io.camelwechat.component.wechat;
