package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.client.RequestBody;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The temporary media upload: the body's bytes (byte[], File, Path, InputStream or anything Camel converts to
 * bytes) as the multipart part {@code media}, checked to be a JPEG, PNG or GIF within {@code mediaMaxSize}.
 */
final class MediaRequestBinder {

    static final String PART_NAME = "media";

    private MediaRequestBinder() {
    }

    static RequestBody upload(Message message, WeChatConfiguration configuration) {
        byte[] data = message.getBody(byte[].class);
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("message body is empty: wechat:media?op=upload needs the image as "
                                               + "byte[], File, Path or InputStream");
        }
        if (data.length > configuration.getMediaMaxSize()) {
            throw new IllegalArgumentException("message body is " + data.length + " bytes, more than mediaMaxSize "
                                               + configuration.getMediaMaxSize() + " bytes");
        }
        ImageType type = ImageType.detect(data).orElseThrow(() -> new IllegalArgumentException(
                "message body is not an image WeChat accepts as temporary media: expected " + ImageType.ACCEPTED));
        return new RequestBody.MultipartFile(PART_NAME, fileName(message, type), type.contentType(), data);
    }

    private static String fileName(Message message, ImageType type) {
        String name = message.getHeader(WeChatConstants.MEDIA_FILE_NAME, String.class);
        if (name == null || name.isBlank()) {
            name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null || name.isBlank()) {
            name = message.getHeader(Exchange.FILE_NAME, String.class);
        }
        return name == null || name.isBlank() ? "media." + type.extension() : name;
    }
}
