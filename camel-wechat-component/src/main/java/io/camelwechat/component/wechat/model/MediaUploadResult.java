package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of the temporary media upload: the media type, the {@code media_id} to use as a certificate value (valid
 * 3 days; a thumb's comes as {@code thumb_media_id}) and its creation time in epoch seconds.
 */
public record MediaUploadResult(
        @JsonProperty("type") String type,
        @JsonProperty("media_id") @JsonAlias("thumb_media_id") String mediaId,
        @JsonProperty("created_at") long createdAt) implements WeChatResponse {
}
