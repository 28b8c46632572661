package io.camelwechat.component.wechat.internal.operation;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.internal.support.Texts;
import io.camelwechat.component.wechat.model.Industry;
import io.camelwechat.component.wechat.model.SetIndustryRequest;
import org.apache.camel.Message;

/** setIndustry: a {@link SetIndustryRequest} body, or the two industry id headers. */
final class IndustryRequestBinder {

    private IndustryRequestBinder() {
    }

    static RequestBinder.Binding set(Message message, OperationSettings settings) {
        if (message.getBody() instanceof SetIndustryRequest request) {
            checkPair(request.industryId1(), "industryId1", request.industryId2(), "industryId2");
            return RequestBinder.Binding.of(new RequestBody.Json(request));
        }
        int primary = industryCode(message, WeChatConstants.INDUSTRY_ID1);
        int secondary = industryCode(message, WeChatConstants.INDUSTRY_ID2);
        checkPair(primary, WeChatConstants.INDUSTRY_ID1, secondary, WeChatConstants.INDUSTRY_ID2);
        return RequestBinder.Binding.of(new RequestBody.Json(new SetIndustryRequest(primary, secondary)));
    }

    private static int industryCode(Message message, String header) {
        Object value = message.getHeader(header);
        if (value == null) {
            throw new IllegalArgumentException(header + " header is required: an industry code, an integer between "
                                               + Industry.MIN_CODE + " and " + Industry.MAX_CODE);
        }
        Integer code = InputValues.toInt(value);
        if (code == null) {
            throw new IllegalArgumentException(header + " must be an integer industry code between "
                                               + Industry.MIN_CODE + " and " + Industry.MAX_CODE + ", got "
                                               + Texts.describe(value) + InputValues.asciiDigitsHint(value));
        }
        return code;
    }

    private static void checkPair(int primary, String primaryName, int secondary, String secondaryName) {
        checkRange(primary, primaryName);
        checkRange(secondary, secondaryName);
        if (primary == secondary) {
            throw new IllegalArgumentException(primaryName + " and " + secondaryName
                                               + " must be two different industries, both are " + primary);
        }
    }

    private static void checkRange(int code, String name) {
        if (code < Industry.MIN_CODE || code > Industry.MAX_CODE) {
            throw new IllegalArgumentException(name + " must be an industry code between " + Industry.MIN_CODE
                                               + " and " + Industry.MAX_CODE + ", got " + code);
        }
    }
}
