/**
 * Span decorators that give each {@code wechat:} call's span WeChat's facts (API, path, account, errcode,
 * retries), for Camel's two tracing SPIs: camel-tracing (camel-opentelemetry) and camel-telemetry
 * (camel-opentelemetry2). Only the tracers load them, by ServiceLoader, and only when their SPI is on the classpath:
 * nothing else in the component refers to this package (checked by ArchitectureTest), so the SPIs are optional
 * dependencies. Not API.
 */
package io.camelwechat.component.wechat.internal.tracing;
