package io.camelwechat.component.wechat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One category with its qualifications: an item of addCategory's {@code categories} and the whole body of
 * modifyCategory. The wire keeps WeChat's spelling {@code certicates}.
 */
public record CategoryRequest(
        @JsonProperty("first") int first,
        @JsonProperty("second") int second,
        @JsonProperty("certicates") List<Certificate> certificates) {

    public CategoryRequest {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    public static CategoryRequest of(int first, int second, Certificate... certificates) {
        return new CategoryRequest(first, second, List.of(certificates));
    }
}
