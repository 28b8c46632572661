package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A qualification attached to a category: its name ({@code key}) and the media_id of its picture ({@code value}),
 * optionally with an expiry time (epoch seconds) and a permanence flag (1 permanent, 0 not), as addCategory
 * documents them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Certificate(
        @JsonProperty("key") String key,
        @JsonProperty("value") String value,
        @JsonProperty("expire_time") Long expireTime,
        @JsonProperty("is_permanent") Integer isPermanent) {

    public static Certificate of(String key, String mediaId) {
        return new Certificate(key, mediaId, null, null);
    }
}
