package io.camelwechat.component.wechat.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One industry as getIndustry answers it: WeChat's raw Chinese names, always, plus the industry code when the
 * names could be matched to the table ({@code industry_id}, absent otherwise; an unknown name never fails).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndustryClass(
        @JsonProperty("first_class") String firstClass,
        @JsonProperty("second_class") String secondClass,
        @JsonProperty("industry_id") Integer industryId) {

    public IndustryClass {
        if (industryId == null) {
            industryId = Industry.match(firstClass, secondClass).map(Industry::code).orElse(null);
        }
    }

    /** The matched industry, empty when WeChat answered with names that are not in the table. */
    public Optional<Industry> industry() {
        return Optional.ofNullable(industryId).map(Industry::fromCode);
    }
}
