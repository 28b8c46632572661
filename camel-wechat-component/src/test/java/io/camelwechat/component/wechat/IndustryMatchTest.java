package io.camelwechat.component.wechat;

import java.util.Optional;

import io.camelwechat.component.wechat.model.Industry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** getIndustry names as documented and as seen live (wechat-api-facts.md 6.8) map to the right code. */
class IndustryMatchTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "IT科技, 互联网|电子商务, 1",
            "IT科技, 互联网/电子商务, 1",
            "金融业, 基金|理财|信托, 8",
            "医药护理, 护理美容, 23",
            "医疗护理, 护理美容, 23",
            "医疗护理, 医药医疗, 22",
            "房地产|建筑, 建筑, 29",
            "房地产, 建筑, 29",
            "房地产, 房地产|建筑, 29",
            "房地产, 物业, 30",
            "其他, 其他, 41",
            "其它, 其它, 41",
            "' 运输与仓储 ', ' 快递 ', 13",
            "不存在, 也不存在, 0",
            "IT科技, 电子商务, 0",
    })
    void match(String first, String second, int expectedCode) {
        Optional<Industry> match = Industry.match(first, second);
        assertEquals(expectedCode, match.map(Industry::code).orElse(0));
    }

    @Test
    void everyDocumentedPair_matchesItsOwnCode_andMissingNamesMatchNothing() {
        for (Industry industry : Industry.values()) {
            assertEquals(Optional.of(industry), Industry.match(industry.firstClass(), industry.secondClass()));
        }
        assertEquals(Optional.empty(), Industry.match("IT科技", null));
        assertEquals(Optional.empty(), Industry.match(null, "电子技术"));
        assertEquals(Optional.empty(), Industry.match(null, null));
    }
}
