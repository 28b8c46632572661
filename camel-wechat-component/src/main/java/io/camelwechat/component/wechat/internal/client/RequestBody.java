package io.camelwechat.component.wechat.internal.client;

/** What a call sends: a JSON document, or one file as {@code multipart/form-data}. */
public sealed interface RequestBody {

    /**
     * A value serialised with the wire model's JSON mapping. Credentials in it are {@code Secret}s: written as
     * their value, printed masked.
     */
    record Json(Object value) implements RequestBody {
    }

    /** One file part, as the media upload expects it. */
    record MultipartFile(String partName, String fileName, String contentType, byte[] content) implements RequestBody {
        @Override
        public String toString() { // the size, not the bytes
            return "MultipartFile[" + partName + ", " + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}
