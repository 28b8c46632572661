package io.camelwechat.component.wechat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of addCategory: one or more categories added in a single call. */
public record AddCategoryRequest(@JsonProperty("categories") List<CategoryRequest> categories) {

    public AddCategoryRequest {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public static AddCategoryRequest of(CategoryRequest... categories) {
        return new AddCategoryRequest(List.of(categories));
    }
}
