package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of getIndustry: the account's primary and secondary industry (either may be absent if never set). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndustryInfo(
        @JsonProperty("primary_industry") IndustryClass primaryIndustry,
        @JsonProperty("secondary_industry") IndustryClass secondaryIndustry) implements WeChatResponse {
}
