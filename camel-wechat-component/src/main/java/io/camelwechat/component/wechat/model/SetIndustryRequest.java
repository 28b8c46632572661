package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of setIndustry. WeChat documents both ids as JSON strings ({@code "industry_id1":"1"}); a form-encoded or
 * otherwise malformed body answers 40103, so the ids are written as strings.
 *
 * @param industryId1 the primary industry code, 1..41
 * @param industryId2 the secondary industry code, 1..41, different from the primary one
 */
public record SetIndustryRequest(
        @JsonProperty("industry_id1") @JsonFormat(shape = JsonFormat.Shape.STRING) int industryId1,
        @JsonProperty("industry_id2") @JsonFormat(shape = JsonFormat.Shape.STRING) int industryId2) {

    public static SetIndustryRequest of(Industry primary, Industry secondary) {
        return new SetIndustryRequest(primary.code(), secondary.code());
    }
}
