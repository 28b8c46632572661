package io.camelwechat.component.wechat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.model.Industry;
import io.camelwechat.component.wechat.model.IndustryInfo;
import io.camelwechat.component.wechat.model.SetIndustryRequest;
import io.camelwechat.component.wechat.model.WeChatAck;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndustryProducerTest extends WeChatTestSupport {

    private static final String SET_PATH = "/cgi-bin/template/api_set_industry";

    @Test
    void set_fromHeaders_sendsIdsAsStringsAndAnswersAck() throws Exception {
        Exchange exchange = send("wechat:industry?op=set", null,
                WeChatConstants.INDUSTRY_ID1, 1, WeChatConstants.INDUSTRY_ID2, "4");

        WeChatAck ack = assertInstanceOf(WeChatAck.class, exchange.getMessage().getBody());
        assertEquals(0, ack.errcode());
        assertEquals(1, simulator.account(APP_ID).industryId1());
        assertEquals(4, simulator.account(APP_ID).industryId2());
        JsonNode sent = new ObjectMapper().readTree(requestsTo(SET_PATH).get(0).bodyText());
        assertTrue(sent.get("industry_id1").isTextual(), "industry_id1 must be a JSON string: " + sent);
        assertEquals("1", sent.get("industry_id1").asText());
        assertEquals("4", sent.get("industry_id2").asText());
    }

    @Test
    void set_typedBodyWinsOverHeaders() {
        Exchange exchange = send("wechat:industry?op=set",
                SetIndustryRequest.of(Industry.TRANSPORT_EXPRESS, Industry.IT_INTERNET_ECOMMERCE),
                WeChatConstants.INDUSTRY_ID1, 7, WeChatConstants.INDUSTRY_ID2, 9);

        assertInstanceOf(WeChatAck.class, exchange.getMessage().getBody());
        assertEquals(13, simulator.account(APP_ID).industryId1());
        assertEquals(1, simulator.account(APP_ID).industryId2());
    }

    @Test
    void get_answersRawNamesWithMatchedCodes() {
        send("wechat:industry?op=set", SetIndustryRequest.of(Industry.TRANSPORT_EXPRESS, Industry.MEDICAL_CARE_BEAUTY));

        IndustryInfo info = assertInstanceOf(IndustryInfo.class,
                send("wechat:industry?op=get", null).getMessage().getBody());

        assertEquals("运输与仓储", info.primaryIndustry().firstClass());
        assertEquals("快递", info.primaryIndustry().secondClass());
        assertEquals(13, info.primaryIndustry().industryId());
        assertEquals(Industry.MEDICAL_CARE_BEAUTY, info.secondaryIndustry().industry().orElseThrow());
        assertEquals("GET", requestsTo("/cgi-bin/template/get_industry").get(0).method());
    }

    @Test
    void get_liveNameVariantsStillMatch() {
        simulator.liveIndustryNames(true);
        send("wechat:industry?op=set", SetIndustryRequest.of(Industry.MEDICAL_MEDICINE, Industry.OTHER));

        IndustryInfo info = send("wechat:industry?op=get", null).getMessage().getBody(IndustryInfo.class);

        assertEquals("医疗护理", info.primaryIndustry().firstClass(), "the raw live name is kept");
        assertEquals(22, info.primaryIndustry().industryId());
        assertEquals(41, info.secondaryIndustry().industryId());
    }

    @Test
    void get_convertsToMapAndJsonWithWireNames() throws Exception {
        send("wechat:industry?op=set", SetIndustryRequest.of(Industry.TRANSPORT_EXPRESS, Industry.IT_INTERNET_ECOMMERCE));
        Exchange exchange = send("wechat:industry?op=get", null);

        Map<?, ?> map = exchange.getMessage().getBody(Map.class);
        Map<?, ?> primary = assertInstanceOf(Map.class, map.get("primary_industry"));
        assertEquals("快递", primary.get("second_class"));
        assertEquals(13, primary.get("industry_id"));

        String json = exchange.getMessage().getBody(String.class);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals("互联网|电子商务", tree.at("/secondary_industry/second_class").asText());
    }

    @Test
    void get_unknownNamesGiveRawNamesAndNoCode() {
        simulator.faults().rawBodyNext("/cgi-bin/template/get_industry", "application/json", """
                {"primary_industry":{"first_class":"新行业","second_class":"未知"},
                 "secondary_industry":{"first_class":"IT科技","second_class":"互联网|电子商务"}}""", 1);

        IndustryInfo info = assertInstanceOf(IndustryInfo.class,
                send("wechat:industry?op=get", null).getMessage().getBody());

        assertEquals("新行业", info.primaryIndustry().firstClass());
        assertNull(info.primaryIndustry().industryId());
        assertTrue(info.primaryIndustry().industry().isEmpty());
        assertEquals(1, info.secondaryIndustry().industryId());
    }
}
