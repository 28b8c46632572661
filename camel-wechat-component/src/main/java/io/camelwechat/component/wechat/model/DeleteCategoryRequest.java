package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of deletecategory: the first and second class ids of the category to remove. */
public record DeleteCategoryRequest(@JsonProperty("first") int first, @JsonProperty("second") int second) {
}
