package io.camelwechat.component.wechat.internal.operation;

import java.util.List;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.model.AddCategoryRequest;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.DeleteCategoryRequest;
import org.apache.camel.Message;

/** addCategory, modifyCategory and deleteCategory: typed bodies or the category headers. */
final class CategoryRequestBinder {

    private static final String FIRST = "the first-level category id";
    private static final String SECOND = "the second-level category id";

    private CategoryRequestBinder() {
    }

    /** An {@link AddCategoryRequest} (several categories), a single {@link CategoryRequest}, or headers. */
    static RequestBinder.Binding add(Message message, OperationSettings settings) {
        Object body = message.getBody();
        AddCategoryRequest request;
        if (body instanceof AddCategoryRequest typed) {
            request = typed;
        } else if (body instanceof CategoryRequest single) {
            request = AddCategoryRequest.of(single);
        } else {
            request = AddCategoryRequest.of(fromHeaders(message, false));
        }
        if (request.categories().isEmpty()) {
            throw new IllegalArgumentException("categories must list at least one category to add");
        }
        for (int i = 0; i < request.categories().size(); i++) {
            check(request.categories().get(i), "categories[" + i + "]", false);
        }
        return RequestBinder.Binding.of(new RequestBody.Json(request));
    }

    /** A {@link CategoryRequest} or headers; WeChat requires the qualifications for a modify. */
    static RequestBinder.Binding modify(Message message, OperationSettings settings) {
        CategoryRequest request = message.getBody() instanceof CategoryRequest typed
                ? typed : fromHeaders(message, true);
        check(request, "category", true);
        return RequestBinder.Binding.of(new RequestBody.Json(request));
    }

    static RequestBinder.Binding delete(Message message, OperationSettings settings) {
        if (message.getBody() instanceof DeleteCategoryRequest typed) {
            InputValues.positiveId(typed.first(), "first", FIRST);
            InputValues.positiveId(typed.second(), "second", SECOND);
            return RequestBinder.Binding.of(new RequestBody.Json(typed));
        }
        return RequestBinder.Binding.of(new RequestBody.Json(new DeleteCategoryRequest(
                InputValues.positiveIdHeader(message, WeChatConstants.CATEGORY_FIRST, FIRST),
                InputValues.positiveIdHeader(message, WeChatConstants.CATEGORY_SECOND, SECOND))));
    }

    private static CategoryRequest fromHeaders(Message message, boolean certificatesRequired) {
        int first = InputValues.positiveIdHeader(message, WeChatConstants.CATEGORY_FIRST, FIRST);
        int second = InputValues.positiveIdHeader(message, WeChatConstants.CATEGORY_SECOND, SECOND);
        Object certificates = message.getHeader(WeChatConstants.CERTIFICATES);
        if (certificates == null) {
            if (certificatesRequired) {
                throw new IllegalArgumentException(WeChatConstants.CERTIFICATES + " header is required to modify a "
                                                   + "category: the qualifications to submit again");
            }
            return new CategoryRequest(first, second, List.of());
        }
        return new CategoryRequest(first, second, CertificateReader.fromHeader(certificates));
    }

    private static void check(CategoryRequest request, String name, boolean certificatesRequired) {
        if (request == null) {
            throw new IllegalArgumentException(name + " must be a category, got null");
        }
        InputValues.positiveId(request.first(), name + ".first", FIRST);
        InputValues.positiveId(request.second(), name + ".second", SECOND);
        List<Certificate> certificates = request.certificates();
        if (certificatesRequired && certificates.isEmpty()) {
            throw new IllegalArgumentException(name + ".certicates must list at least one qualification to modify "
                                               + "a category");
        }
        CertificateReader.check(certificates, name + ".certicates");
    }
}
