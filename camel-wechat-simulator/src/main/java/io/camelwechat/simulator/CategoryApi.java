package io.camelwechat.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The mini-program category APIs under {@code /cgi-bin/wxopen/} (seeds 002, 003, 004; codes from
 * wechat-api-facts.md section 5). Parses and validates the wire format (including WeChat's spelling
 * {@code certicates}); the account applies the change atomically.
 */
final class CategoryApi {

    private final CategoryTree tree;
    private final byte[] allCategories;

    CategoryApi(CategoryTree tree) {
        this.tree = tree;
        this.allCategories = Json.write(tree.toResponse()); // the tree never changes: render it once
    }

    /** {@code POST addcategory}: {@code {"categories":[{"first","second","certicates":[..]}]}}. */
    SimResponse add(ApiCall call) {
        JsonNode categories = body(call).get("categories");
        if (categories == null || !categories.isArray() || categories.isEmpty()) {
            throw invalidParams();
        }
        List<CategorySubmission> submissions = new ArrayList<>();
        for (JsonNode category : categories) {
            // certicates are required only for categories that need qualifications (seed 003)
            submissions.add(new CategorySubmission(key(category), certificates(category.get("certicates"), false)));
        }
        call.account().addCategories(submissions, call.now());
        return SimResponse.ok();
    }

    /** {@code POST modifycategory}: {@code {"first","second","certicates":[..]}}; certicates required (seed 002). */
    SimResponse modify(ApiCall call) {
        ObjectNode body = body(call);
        CategorySubmission submission = new CategorySubmission(key(body), certificates(body.get("certicates"), true));
        call.account().modifyCategory(submission, call.now());
        return SimResponse.ok();
    }

    /** {@code POST deletecategory}: {@code {"first","second"}}. */
    SimResponse delete(ApiCall call) {
        call.account().deleteCategory(key(body(call)), call.now());
        return SimResponse.ok();
    }

    /** {@code GET getcategory} (getSettingCategories, seed 004). */
    SimResponse list(ApiCall call) {
        Account.CategoryListing listing = call.account().categories(call.now());
        ObjectNode body = Json.object();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        ArrayNode categories = body.putArray("categories");
        for (CategoryState category : listing.categories()) {
            categories.addObject()
                    .put("first", category.first())
                    .put("first_name", tree.name(category.first()))
                    .put("second", category.second())
                    .put("second_name", tree.name(category.second()))
                    .put("audit_status", category.auditStatus())
                    .put("audit_reason", category.auditReason());
        }
        body.put("limit", AccountCategories.LIMIT);
        body.put("quota", listing.quota());
        body.put("category_limit", AccountCategories.CATEGORY_LIMIT);
        return SimResponse.wechat(body);
    }

    /** {@code GET getallcategories}: the settable tree. */
    SimResponse all(ApiCall call) {
        return SimResponse.wechat(allCategories); // written out, never modified
    }

    private static ObjectNode body(ApiCall call) {
        return Json.parseObject(call.request().rawBody(), ErrorCode.DATA_FORMAT_ERROR);
    }

    /** The category ids; 53303 unless they name a second-level category of the settable tree. */
    private CategoryKey key(JsonNode category) {
        Long first = Json.integer(category.get("first"));
        Long second = Json.integer(category.get("second"));
        if (first == null || second == null || !tree.isSettable(first, second)) {
            throw invalidParams();
        }
        return new CategoryKey(first.intValue(), second.intValue());
    }

    /**
     * The {@code certicates} list. A blank key or a malformed optional field is 53303 (a guess: WeChat's
     * generic "invalid params"); whether the value is a known media_id is checked by the account (40007).
     */
    private static List<CertificateState> certificates(JsonNode list, boolean required) {
        if (list == null || list.isNull()) {
            if (required) {
                throw invalidParams();
            }
            return List.of();
        }
        if (!list.isArray()) {
            throw invalidParams();
        }
        List<CertificateState> certificates = new ArrayList<>();
        for (JsonNode item : list) {
            String key = Json.text(item.get("key"));
            if (key == null || key.isBlank()) {
                throw invalidParams();
            }
            Long expireTime = optionalInteger(item.get("expire_time"));
            Long isPermanent = optionalInteger(item.get("is_permanent"));
            certificates.add(new CertificateState(key, Json.text(item.get("value")), expireTime,
                    isPermanent == null ? null : isPermanent.intValue()));
        }
        return certificates;
    }

    private static Long optionalInteger(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Long value = Json.integer(node);
        if (value == null) {
            throw invalidParams();
        }
        return value;
    }

    private static ApiError invalidParams() {
        return new ApiError(ErrorCode.CATEGORY_INVALID_PARAMS);
    }
}
