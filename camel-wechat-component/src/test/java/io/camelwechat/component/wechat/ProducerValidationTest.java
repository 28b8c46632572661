package io.camelwechat.component.wechat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelwechat.component.wechat.model.AddCategoryRequest;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.SetIndustryRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelwechat.component.wechat.WeChatConstants.CATEGORY_FIRST;
import static io.camelwechat.component.wechat.WeChatConstants.CATEGORY_SECOND;
import static io.camelwechat.component.wechat.WeChatConstants.CERTIFICATES;
import static io.camelwechat.component.wechat.WeChatConstants.INDUSTRY_ID1;
import static io.camelwechat.component.wechat.WeChatConstants.INDUSTRY_ID2;
import static io.camelwechat.component.wechat.WeChatConstants.OPERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every invalid input fails the exchange with a message naming the header or field and what is allowed, and no
 * request reaches WeChat (not even a token fetch).
 */
class ProducerValidationTest extends WeChatTestSupport {

    static Stream<Arguments> invalidInputs() {
        Map<String, String> blankValue = new HashMap<>();
        blankValue.put("licence", " ");
        Map<String, String> blankKey = new HashMap<>();
        blankKey.put("", "media-1");
        return Stream.of(
                // industry
                invalid("industry id not an integer", "wechat:industry?op=set", null,
                        "CamelWeChatIndustryId1 must be an integer industry code between 1 and 41, got 'abc'",
                        INDUSTRY_ID1, "abc", INDUSTRY_ID2, 4),
                invalid("industry id below range", "wechat:industry?op=set", null,
                        "CamelWeChatIndustryId1 must be an industry code between 1 and 41, got 0",
                        INDUSTRY_ID1, 0, INDUSTRY_ID2, 4),
                invalid("industry id above range", "wechat:industry?op=set", null,
                        "CamelWeChatIndustryId2 must be an industry code between 1 and 41, got 42",
                        INDUSTRY_ID1, 1, INDUSTRY_ID2, "42"),
                invalid("industry ids equal", "wechat:industry?op=set", null,
                        "CamelWeChatIndustryId1 and CamelWeChatIndustryId2 must be two different industries, both are 5",
                        INDUSTRY_ID1, 5, INDUSTRY_ID2, 5),
                invalid("industry id missing", "wechat:industry?op=set", null,
                        "CamelWeChatIndustryId2 header is required", INDUSTRY_ID1, 5),
                invalid("industry id a decimal", "wechat:industry?op=set", null,
                        "CamelWeChatIndustryId1 must be an integer industry code between 1 and 41, got 1.5 (Double)",
                        INDUSTRY_ID1, 1.5, INDUSTRY_ID2, 4),
                invalid("typed industry out of range", "wechat:industry?op=set", new SetIndustryRequest(3, 99),
                        "industryId2 must be an industry code between 1 and 41, got 99"),
                // category ids
                invalid("category first missing", "wechat:category?op=add", null,
                        "CamelWeChatCategoryFirst header is required: the first-level category id, a positive integer",
                        CATEGORY_SECOND, 39),
                invalid("category first not numeric", "wechat:category?op=add", null,
                        "CamelWeChatCategoryFirst must be the first-level category id, a positive integer; got 'eight'",
                        CATEGORY_FIRST, "eight", CATEGORY_SECOND, 39),
                invalid("category second not positive", "wechat:category?op=delete", null,
                        "CamelWeChatCategorySecond must be the second-level category id, a positive integer; got -3",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, -3),
                invalid("delete second missing", "wechat:category?op=delete", null,
                        "CamelWeChatCategorySecond header is required", CATEGORY_FIRST, 8),
                invalid("typed category second zero", "wechat:category?op=add",
                        AddCategoryRequest.of(CategoryRequest.of(8, 39), CategoryRequest.of(1, 0)),
                        "categories[1].second must be the second-level category id, a positive integer; got 0"),
                invalid("typed add with no category", "wechat:category?op=add", new AddCategoryRequest(List.of()),
                        "categories must list at least one category to add"),
                // certificates
                invalid("certificates of the wrong shape", "wechat:category?op=add", null,
                        "CamelWeChatCertificates must be a Map of qualification name to media_id, or a List of Certificate",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, 39, CERTIFICATES, "licence=media-1"),
                invalid("certificate with a blank value", "wechat:category?op=add", null,
                        "CamelWeChatCertificates[licence] must be a non-blank String",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, 39, CERTIFICATES, blankValue),
                invalid("certificate with a blank key", "wechat:category?op=add", null,
                        "CamelWeChatCertificates key must be a non-blank String",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, 39, CERTIFICATES, blankKey),
                invalid("certificate list item of the wrong type", "wechat:category?op=add", null,
                        "CamelWeChatCertificates[0] is 5 (Integer)",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, 39, CERTIFICATES, List.of(5)),
                invalid("certificate map item without value", "wechat:category?op=modify", null,
                        "CamelWeChatCertificates[0].value must be a non-blank String, got nothing",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, 39, CERTIFICATES, List.of(Map.of("key", "licence"))),
                invalid("certificate is_permanent not 0 or 1", "wechat:category?op=add",
                        CategoryRequest.of(8, 39, new Certificate("licence", "media-1", null, 2)),
                        "categories[0].certicates[0].is_permanent must be 0 or 1, got 2"),
                invalid("modify without certificates", "wechat:category?op=modify", null,
                        "CamelWeChatCertificates header is required to modify a category",
                        CATEGORY_FIRST, 8, CATEGORY_SECOND, 39),
                // media
                invalid("upload of an empty body", "wechat:media?op=upload", new byte[0],
                        "message body is empty: wechat:media?op=upload needs the file"),
                invalid("upload larger than mediaMaxSize", "wechat:media?op=upload&mediaMaxSize=10", PNG,
                        "message body is " + PNG.length + " bytes, more than mediaMaxSize 10 bytes"),
                invalid("upload that is not an image", "wechat:media?op=upload", "%PDF-1.7 not a picture".getBytes(),
                        "message body is not a file WeChat accepts as image media: expected JPEG, PNG, GIF"),
                // operation and account
                invalid("unknown op in the header", "wechat:category?op=list", null,
                        "Unknown op 'frobnicate' for wechat:category; valid operations are add, modify, list, all, delete",
                        OPERATION, "frobnicate"),
                invalid("no op at all", "wechat:category", null,
                        "No operation for wechat:category: set the op option or the CamelWeChatOperation header"),
                invalid("another account with a static token", "wechat:category?op=list&tokenMode=static"
                                                                + "&accessToken=RAW(static-token-of-account-1)", null,
                        "CamelWeChatAppId names appId wx0000000000test02, but tokenMode static holds one token, for "
                        + "appId wx0000000000test01", WeChatConstants.APP_ID, "wx0000000000test02"),
                invalid("upload of a file larger than mediaMaxSize", "wechat:media?op=upload&mediaMaxSize=10",
                        pngFile(), "message body is a file of " + PNG.length + " bytes, more than mediaMaxSize 10 bytes"),
                invalid("unknown account in the header", "wechat:category?op=list", null,
                        "CamelWeChatAppId names appId wxunknown000000000, which has no appSecret configured",
                        WeChatConstants.APP_ID, "wxunknown000000000"));
    }

    private static java.io.File pngFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("wechat-upload", ".png");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.write(file, PNG).toFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Arguments invalid(String name, String uri, Object body, String expectedMessage,
                                     Object... headers) {
        return Arguments.of(name, uri, body, expectedMessage, headers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void rejectedBeforeAnyCall(String name, String uri, Object body, String expectedMessage, Object[] headers) {
        IllegalArgumentException failure = sendExpecting(IllegalArgumentException.class, uri, body, headers);

        assertTrue(failure.getMessage().contains(expectedMessage),
                "message should contain [" + expectedMessage + "] but was [" + failure.getMessage() + "]");
        assertFalse(failure.getMessage().contains(APP_SECRET));
        assertEquals(0, simulator.totalRequests(), "no request may reach WeChat");
    }
}
