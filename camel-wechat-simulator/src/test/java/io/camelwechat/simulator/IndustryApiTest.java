package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndustryApiTest extends SimulatorTestSupport {

    private static final String SET = "/cgi-bin/template/api_set_industry";
    private static final String GET = "/cgi-bin/template/get_industry";

    private Answer set(String body) {
        return apiPost(SET, token(), body);
    }

    private JsonNode industry() {
        return apiGet(GET, token()).json();
    }

    @Test
    void setWithStringIdsThenGetAnswersChineseNamesWithoutIds() {
        assertOk(set("{\"industry_id1\":\"13\",\"industry_id2\":\"1\"}"));

        JsonNode industry = industry();
        assertEquals("运输与仓储", industry.at("/primary_industry/first_class").asText());
        assertEquals("快递", industry.at("/primary_industry/second_class").asText());
        assertEquals("IT科技", industry.at("/secondary_industry/first_class").asText());
        assertEquals("互联网|电子商务", industry.at("/secondary_industry/second_class").asText());
        assertEquals(2, industry.get("primary_industry").size());
        assertEquals(13, sim.account(APP).industryId1());
        assertEquals(1, sim.account(APP).industryId2());
    }

    @Test
    void numericIdsAreAcceptedToo() {
        assertOk(set("{\"industry_id1\":1,\"industry_id2\":4}"));
        assertEquals("电子技术", industry().at("/secondary_industry/second_class").asText());
    }

    @Test
    void beforeAnySetBothIndustriesAreEmptyObjects() {
        JsonNode industry = industry();
        assertTrue(industry.get("primary_industry").isObject());
        assertEquals(0, industry.get("primary_industry").size());
        assertEquals(0, industry.get("secondary_industry").size());
        assertFalse(industry.has("errcode"));
    }

    @Test
    void invalidIdsAre40102() {
        for (String body : new String[] {
                "{\"industry_id1\":\"0\",\"industry_id2\":\"4\"}",
                "{\"industry_id1\":\"1\",\"industry_id2\":\"42\"}",
                "{\"industry_id1\":\"IT\",\"industry_id2\":\"4\"}",
                "{\"industry_id1\":\"1\"}",
                "{\"industry_id1\":1.5,\"industry_id2\":4}",
                "{\"industry_id1\":\"4\",\"industry_id2\":\"4\"}"}) {
            Answer answer = set(body);
            assertError(40102, answer);
            assertEquals("invalid industry id", answer.message());
        }
        assertNull(sim.account(APP).industryId1());
    }

    @Test
    void formEncodedBodyIs40103() {
        Answer answer = post(SET + "?access_token=" + token(), "application/x-www-form-urlencoded",
                "industry_id1=1&industry_id2=4".getBytes(StandardCharsets.UTF_8));
        assertError(40103, answer);
        assertEquals("invalid industry index", answer.message());
    }

    @Test
    void aSecondChangeWithin30DaysIs43100() {
        assertOk(set("{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
        clock.advance(Duration.ofDays(30).minusSeconds(1));

        Answer tooSoon = set("{\"industry_id1\":\"2\",\"industry_id2\":\"4\"}");
        assertError(43100, tooSoon);
        assertEquals("change template too frequently", tooSoon.message());
        assertEquals(1, sim.account(APP).industryId1());

        clock.advance(Duration.ofSeconds(1));
        assertOk(set("{\"industry_id1\":\"2\",\"industry_id2\":\"4\"}"));
        assertEquals(2, sim.account(APP).industryId1());
    }

    @Test
    void swappingThePairIsAChange() {
        assertOk(set("{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
        assertError(43100, set("{\"industry_id1\":\"4\",\"industry_id2\":\"1\"}"));
    }

    @Test
    void settingTheSamePairAgainIsANoOpThatDoesNotRestartThePeriod() {
        assertOk(set("{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
        clock.advance(Duration.ofDays(20));
        assertOk(set("{\"industry_id1\":1,\"industry_id2\":\"4\"}"));

        clock.advance(Duration.ofDays(10)); // 30 days after the real change, 10 after the no-op
        assertOk(set("{\"industry_id1\":\"5\",\"industry_id2\":\"4\"}"));
    }

    @Test
    void liveNamesAnswerTheObservedVariants() {
        assertOk(set("{\"industry_id1\":\"22\",\"industry_id2\":\"29\"}"));
        assertEquals("医药护理", industry().at("/primary_industry/first_class").asText());
        assertEquals("建筑", industry().at("/secondary_industry/second_class").asText());

        sim.liveIndustryNames(true);
        JsonNode live = industry();
        assertEquals("医疗护理", live.at("/primary_industry/first_class").asText());
        assertEquals("医药医疗", live.at("/primary_industry/second_class").asText());
        assertEquals("房地产", live.at("/secondary_industry/first_class").asText());
        assertEquals("房地产|建筑", live.at("/secondary_industry/second_class").asText());
    }

    @Test
    void liveNamesFor41AreQiTa() {
        sim.liveIndustryNames(true);
        assertOk(set("{\"industry_id1\":\"41\",\"industry_id2\":\"1\"}"));
        assertEquals("其他", industry().at("/primary_industry/first_class").asText());
        sim.liveIndustryNames(false);
        assertEquals("其它", industry().at("/primary_industry/first_class").asText());
    }

    @Test
    void onlyTheFirstEntryHasABarInsideANameAsWeChatsTableWritesThem() {
        // seed 000 lists 8 and 21 without separators; seed 001's example answers 1 as 互联网|电子商务
        for (int id = 1; id <= 41; id++) {
            IndustryTable.Names names = IndustryTable.names(id, false);
            boolean bar = names.firstClass().contains("|") || names.secondClass().contains("|");
            assertEquals(id == 1, bar, id + ": " + names);
        }
        assertOk(set("{\"industry_id1\":\"8\",\"industry_id2\":\"21\"}"));
        assertEquals("基金理财信托", industry().at("/primary_industry/second_class").asText());
        assertEquals("公共事业非盈利机构", industry().at("/secondary_industry/second_class").asText());
    }

    @Test
    void theTableHas41DistinctEntries() {
        Set<IndustryTable.Names> names = new HashSet<>();
        for (int id = 1; id <= 41; id++) {
            names.add(IndustryTable.names(id, false));
        }
        assertEquals(41, names.size());
        assertEquals(new IndustryTable.Names("金融业", "基金理财信托"), IndustryTable.names(8, false));
        assertEquals(new IndustryTable.Names("政府与公共事业", "公共事业非盈利机构"), IndustryTable.names(21, false));
        assertEquals(new IndustryTable.Names("印刷", "印刷"), IndustryTable.names(40, false));
        assertThrows(IllegalArgumentException.class, () -> IndustryTable.names(42, false));
    }
}
