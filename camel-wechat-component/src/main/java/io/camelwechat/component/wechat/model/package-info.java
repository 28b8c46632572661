/**
 * The wire model: records that mirror WeChat's JSON exactly (its spelling {@code certicates} included), with clear
 * Java names. Every result converts to JSON text and to a {@code Map} with WeChat's field names.
 */
package io.camelwechat.component.wechat.model;
