package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of the temporary media upload: the {@code media_id} to use as a certificate value (valid 3 days) and
 * its creation time in epoch seconds.
 */
public record MediaUploadResult(
        @JsonProperty("type") String type,
        @JsonProperty("media_id") String mediaId,
        @JsonProperty("created_at") long createdAt) implements WeChatResponse {
}
