package io.camelwechat.component.wechat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.IndustryClass;
import io.camelwechat.component.wechat.model.IndustryInfo;
import io.camelwechat.component.wechat.model.MediaUploadResult;
import io.camelwechat.component.wechat.model.SettableCategories.CategoryList;
import io.camelwechat.component.wechat.model.SettableCategories.Qualification;
import io.camelwechat.component.wechat.model.SettableCategories.QualificationDocument;
import io.camelwechat.component.wechat.model.SettableCategories.QualificationGroup;
import io.camelwechat.component.wechat.model.SettableCategories.SettableCategory;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.model.SettingCategory;
import io.camelwechat.component.wechat.model.WeChatAck;
import io.camelwechat.component.wechat.model.WeChatResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every result type converts, through Camel's type converters, to a Map and to JSON with WeChat's field names. */
class ResultConversionTest {

    static List<Arguments> results() {
        SettableCategory emigration = new SettableCategory(39, "出国移民", 2, 8, List.of(), 1,
                new Qualification(List.of(new QualificationGroup(List.of(
                        new QualificationDocument("《因私出入境中介机构经营许可证》", "https://example.invalid/licence.png")))),
                        "须提供"));
        return List.of(
                Arguments.of(new WeChatAck(0, "ok"), "/errmsg", "ok"),
                Arguments.of(new IndustryInfo(new IndustryClass("运输与仓储", "快递", null), null),
                        "/primary_industry/industry_id", "13"),
                Arguments.of(new SettingCategories(List.of(new SettingCategory(8, "教育", 39, "出国移民", 2, "缺少资质")), 5,
                        4, 20), "/categories/0/audit_reason", "缺少资质"),
                Arguments.of(new SettingCategories(List.of(), 5, 4, 20), "/category_limit", "20"),
                Arguments.of(new SettableCategories(new CategoryList(List.of(emigration))),
                        "/categories_list/categories/0/qualify/exter_list/0/inner_list/0/name", "《因私出入境中介机构经营许可证》"),
                Arguments.of(new SettableCategories(new CategoryList(List.of(emigration))),
                        "/categories_list/categories/0/sensitive_type", "1"),
                Arguments.of(new MediaUploadResult("image", "MEDIA_ID", 1_672_500_000L), "/created_at", "1672500000"),
                Arguments.of(new CategoryChange("wxa", 8, "教育", 39, "出国移民", 1, 2, "", "缺少资质",
                        CategoryChange.Type.STATUS_CHANGED, java.time.Instant.parse("2026-11-22T08:00:00Z")),
                        "/detected_at", "2026-11-22T08:00:00Z"),
                Arguments.of(new CategoryChange("wxa", 8, "教育", 39, "出国移民", 3, 2, "缺少资质", "缺少资质",
                        CategoryChange.Type.STATUS_CHANGED, java.time.Instant.parse("2026-11-22T08:00:00Z")),
                        "/previous_audit_status", "3"),
                Arguments.of(new CategoryChange("wxa", 8, "教育", 39, "出国移民", 2, 1, "缺少资质", "",
                        CategoryChange.Type.STATUS_CHANGED, java.time.Instant.parse("2026-11-22T08:00:00Z")),
                        "/previous_audit_reason", "缺少资质"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("results")
    void convertsToMapAndJsonWithWireNames(WeChatResponse result, String pointer, String expected) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            String json = context.getTypeConverter().mandatoryConvertTo(String.class, result);
            Map<?, ?> map = context.getTypeConverter().mandatoryConvertTo(Map.class, result);

            assertEquals(expected, new ObjectMapper().readTree(json).at(pointer).asText(), json);
            JsonNode fromMap = new ObjectMapper().valueToTree(map);
            assertEquals(expected, fromMap.at(pointer).asText(), map.toString());
        }
    }
}
