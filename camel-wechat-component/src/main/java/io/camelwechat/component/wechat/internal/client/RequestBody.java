package io.camelwechat.component.wechat.client;

/** What a call sends: a JSON document, or one file as {@code multipart/form-data}. */
public sealed interface RequestBody {

    /** A value serialised with the wire model's JSON mapping. */
    record Json(Object value) implements RequestBody {
        /** Token requests carry secrets in their body: never print the value. */
        @Override
        public String toString() {
            return "Json[" + (value == null ? "null" : value.getClass().getSimpleName()) + "]";
        }
    }

    /** One file part, as the media upload expects it. */
    record MultipartFile(String partName, String fileName, String contentType, byte[] content) implements RequestBody {
        @Override
        public String toString() {
            return "MultipartFile[" + partName + ", " + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}
