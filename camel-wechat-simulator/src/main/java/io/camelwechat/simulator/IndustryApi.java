package io.camelwechat.simulator;

import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** setIndustry and getIndustry (seeds 000 and 001; error codes from wechat-api-facts.md section 5). */
final class IndustryApi {

    private final BooleanSupplier liveNames;

    IndustryApi(BooleanSupplier liveNames) {
        this.liveNames = liveNames;
    }

    /**
     * {@code POST /cgi-bin/template/api_set_industry}. The ids are documented as strings; JSON numbers are
     * accepted too, as the live service does (WxJava sends numbers, facts section 1).
     */
    SimResponse set(ApiCall call) {
        // a form-encoded body was observed to answer 40103 (facts section 5), so any non-JSON body does here
        ObjectNode body = Json.parseObject(call.request().rawBody(), ErrorCode.INVALID_INDUSTRY_INDEX);
        int id1 = industryId(body.get("industry_id1"));
        int id2 = industryId(body.get("industry_id2"));
        if (id1 == id2) {
            throw new ApiError(ErrorCode.INVALID_INDUSTRY_ID); // guess: the same industry twice is refused
        }
        call.account().setIndustry(new AccountIndustry.Selection(id1, id2), call.now());
        return SimResponse.ok();
    }

    /**
     * {@code GET /cgi-bin/template/get_industry}: Chinese names only, no ids (seed 001). Before any
     * setIndustry both objects are empty (a guess: the unset case is undocumented).
     */
    SimResponse get(ApiCall call) {
        AccountIndustry.Selection selection = call.account().industry();
        ObjectNode body = Json.object();
        ObjectNode primary = body.putObject("primary_industry");
        ObjectNode secondary = body.putObject("secondary_industry");
        if (selection != null) {
            putNames(primary, selection.id1());
            putNames(secondary, selection.id2());
        }
        return SimResponse.wechat(body);
    }

    private void putNames(ObjectNode target, int id) {
        IndustryTable.Names names = IndustryTable.names(id, liveNames.getAsBoolean());
        target.put("first_class", names.firstClass());
        target.put("second_class", names.secondClass());
    }

    private static int industryId(JsonNode node) {
        Long id = Json.integer(node);
        if (id == null || !IndustryTable.isValidId(id)) {
            throw new ApiError(ErrorCode.INVALID_INDUSTRY_ID);
        }
        return id.intValue();
    }
}
