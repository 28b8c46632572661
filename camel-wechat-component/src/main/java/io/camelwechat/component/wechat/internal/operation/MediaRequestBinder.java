package io.camelwechat.component.wechat.internal.operation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.internal.support.Texts;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

/**
 * The temporary media upload: the body's bytes (byte[], File, Path, InputStream or anything Camel converts to
 * bytes) as the multipart part {@code media} with a file name (WeChat answers 41005 to a part without one),
 * checked to be of a format and within the size WeChat takes for the media type.
 */
final class MediaRequestBinder {

    static final String PART_NAME = "media";
    /** What file systems and multipart parsers commonly accept. */
    private static final int MAX_FILE_NAME_LENGTH = 255;
    private static final String ALLOWED_BODIES = "wechat:media?op=upload needs the file as byte[], File, Path or "
                                                 + "InputStream";

    private MediaRequestBinder() {
    }

    static RequestBinder.Binding upload(Message message, OperationSettings settings) {
        MediaType type = mediaType(message, settings);
        long maxSize = type.maxSize(settings.mediaMaxSize());
        checkFileSize(message.getBody(), maxSize, type);
        byte[] data = bytesOf(message);
        if (message.getBody() instanceof InputStream) {
            // a stream reads once: keep its bytes so that a redelivery sends the same file
            message.setBody(data);
        }
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("message body is empty: " + ALLOWED_BODIES);
        }
        if (data.length > maxSize) {
            throw new IllegalArgumentException("message body is " + data.length + " bytes, more than " + limitOf(type)
                                               + " " + maxSize + " bytes");
        }
        MediaFormat format = MediaFormat.detect(data).filter(type::accepts).orElseThrow(
                () -> new IllegalArgumentException("message body is not a file WeChat accepts as " + type.wireName()
                                                   + " media: expected " + type.acceptedFormats()));
        return new RequestBinder.Binding(new RequestBody.MultipartFile(PART_NAME, fileName(message, format),
                format.contentType(), data), Map.of("type", type.wireName()));
    }

    /** The CamelWeChatMediaType header, else the mediaType option. */
    private static MediaType mediaType(Message message, OperationSettings settings) {
        String header = message.getHeader(WeChatConstants.MEDIA_TYPE, String.class);
        return header != null ? MediaType.of(header, WeChatConstants.MEDIA_TYPE) : settings.mediaType();
    }

    private static String limitOf(MediaType type) {
        return type == MediaType.IMAGE ? "mediaMaxSize" : "WeChat's limit for " + type.wireName() + " media,";
    }

    private static byte[] bytesOf(Message message) {
        try {
            return message.getBody(byte[].class);
        } catch (TypeConversionException e) {
            throw new IllegalArgumentException("message body " + Texts.describe(message.getBody())
                                               + " cannot be read as bytes: " + ALLOWED_BODIES, e);
        }
    }

    /** A file is measured before it is read, so that an oversized one is never loaded into memory. */
    private static void checkFileSize(Object body, long maxSize, MediaType type) {
        Path path = body instanceof File file ? file.toPath() : body instanceof Path p ? p : null;
        if (path == null) {
            return;
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("message body is a directory (" + path.getFileName() + "), not a "
                                               + "file: " + ALLOWED_BODIES);
        }
        try {
            long size = Files.size(path);
            if (size > maxSize) {
                throw new IllegalArgumentException("message body is a file of " + size + " bytes, more than "
                                                   + limitOf(type) + " " + maxSize + " bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("message body is a file that cannot be read: " + path.getFileName(), e);
        }
    }

    private static String fileName(Message message, MediaFormat type) {
        String name = message.getHeader(WeChatConstants.MEDIA_FILE_NAME, String.class);
        if (name == null || name.isBlank()) {
            name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null || name.isBlank()) {
            name = message.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (name == null || name.isBlank()) {
            return "media." + type.extension();
        }
        // the name goes into the part's Content-Disposition header: a CR/LF there would forge headers
        Texts.requireNoControlCharacters(name, "the file name (" + WeChatConstants.MEDIA_FILE_NAME
                                                     + ", else CamelFileName)");
        if (name.length() > MAX_FILE_NAME_LENGTH) {
            throw new IllegalArgumentException("the file name (" + WeChatConstants.MEDIA_FILE_NAME + ", else "
                                               + "CamelFileName) must be at most " + MAX_FILE_NAME_LENGTH
                                               + " characters, got " + name.length());
        }
        if (name.indexOf('"') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("the file name (" + WeChatConstants.MEDIA_FILE_NAME + ", else "
                                               + "CamelFileName) must not contain a quote or a backslash, got "
                                               + Texts.describe(name));
        }
        return name;
    }
}
