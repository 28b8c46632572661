package io.camelwechat.component.wechat.model;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of getAllCategories: every category the mini program may set, as WeChat's flat list of nodes linked by
 * {@code father} / {@code children} (the node with id 0 is the root; its children are the first-level ids).
 */
public record SettableCategories(@JsonProperty("categories_list") CategoryList categoriesList)
        implements WeChatResponse {

    public SettableCategories {
        categoriesList = categoriesList == null ? new CategoryList(List.of()) : categoriesList;
    }

    /** All nodes, in WeChat's order. */
    @JsonIgnore
    public List<SettableCategory> categories() {
        return categoriesList.categories();
    }

    public Optional<SettableCategory> find(int id) {
        return categories().stream().filter(category -> category.id() == id).findFirst();
    }

    public record CategoryList(@JsonProperty("categories") List<SettableCategory> categories) {
        public CategoryList {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * A settable category. {@code sensitiveType} 1 means the category needs the qualifications in {@code qualify}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SettableCategory(
            @JsonProperty("id") int id,
            @JsonProperty("name") String name,
            @JsonProperty("level") int level,
            @JsonProperty("father") int father,
            @JsonProperty("children") List<Integer> children,
            @JsonProperty("sensitive_type") int sensitiveType,
            @JsonProperty("qualify") Qualification qualify) {

        public SettableCategory {
            children = children == null ? List.of() : List.copyOf(children);
        }

        public boolean needsQualification() {
            return sensitiveType == 1;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Qualification(
            @JsonProperty("exter_list") List<QualificationGroup> exterList,
            @JsonProperty("remark") String remark) {
    }

    public record QualificationGroup(@JsonProperty("inner_list") List<QualificationDocument> innerList) {
    }

    /** A qualification document: its name (the certificate {@code key} to use) and an example picture URL. */
    public record QualificationDocument(@JsonProperty("name") String name, @JsonProperty("url") String url) {
    }
}
