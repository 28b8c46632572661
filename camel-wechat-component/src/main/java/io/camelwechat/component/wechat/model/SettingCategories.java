package io.camelwechat.component.wechat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of getSettingCategories ({@code /cgi-bin/wxopen/getcategory}): the categories set, the number of adds
 * allowed per change cycle ({@code limit}), the adds left in this cycle ({@code quota}) and the maximum number of
 * categories ({@code category_limit}).
 */
public record SettingCategories(
        @JsonProperty("categories") List<SettingCategory> categories,
        @JsonProperty("limit") int limit,
        @JsonProperty("quota") int quota,
        @JsonProperty("category_limit") int categoryLimit) implements WeChatResponse {

    public SettingCategories {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
