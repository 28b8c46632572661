package io.camelwechat.simulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /cgi-bin/media/upload?type=image|voice|video|thumb}: temporary media upload, multipart with one
 * file part named {@code media} (wechat-api-facts.md section 9 and "More facts"). The returned media_id becomes
 * known to the account for 3 days, e.g. as a category certificate.
 */
final class MediaApi {

    /** The image limit of the current upload page ("10M"); see {@link #IMAGE_LIMIT_OLDER_PAGES}. */
    static final int IMAGE_LIMIT_CURRENT_PAGE = 10 * 1024 * 1024;
    /** The image limit of older pages and the same page's notes ("2MB"). */
    static final int IMAGE_LIMIT_OLDER_PAGES = 2 * 1024 * 1024;
    private static final int MEDIA_ID_LENGTH = 64;

    /** One temporary media type: its formats, size limit and the errcode for too large a file. */
    private record MediaType(String name, Set<MediaFormat> formats, int maxBytes, ErrorCode tooLarge,
                             String idField) {
    }

    private final RandomIds ids;
    private final Map<String, MediaType> types;

    /** @param imageLimit the image size limit in bytes: the doc says both 10 MB and 2 MB */
    MediaApi(RandomIds ids, int imageLimit) {
        this.ids = ids;
        this.types = Stream.of(
                new MediaType("image", EnumSet.of(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.GIF), imageLimit,
                        ErrorCode.INVALID_IMAGE_SIZE, "media_id"),
                new MediaType("voice", EnumSet.of(MediaFormat.AMR, MediaFormat.MP3), 2 * 1024 * 1024,
                        ErrorCode.INVALID_VOICE_SIZE, "media_id"),
                new MediaType("video", EnumSet.of(MediaFormat.MP4), 10 * 1024 * 1024,
                        ErrorCode.INVALID_VIDEO_SIZE, "media_id"),
                // a thumb's id comes back as thumb_media_id (the SDKs read that field: WxJava's
                // WxMediaUploadResultAdapter)
                new MediaType("thumb", EnumSet.of(MediaFormat.JPEG), 64 * 1024,
                        ErrorCode.INVALID_THUMB_SIZE, "thumb_media_id"))
                .collect(Collectors.toUnmodifiableMap(MediaType::name, Function.identity()));
    }

    /**
     * Checks the type (40004), the {@code media} part (41005), the size (40009..40012), then the format (40005).
     */
    SimResponse upload(ApiCall call) {
        RecordedRequest request = call.request();
        String typeName = request.queryParam("type");
        MediaType type = typeName == null ? null : types.get(typeName);
        if (type == null) {
            throw new ApiError(ErrorCode.INVALID_MEDIA_TYPE);
        }
        byte[] content = mediaPart(request).content();
        if (content.length > type.maxBytes()) {
            throw new ApiError(type.tooLarge());
        }
        if (!MediaFormat.isAnyOf(type.formats(), content)) {
            throw new ApiError(ErrorCode.INVALID_FILE_TYPE);
        }
        String mediaId = ids.next(MEDIA_ID_LENGTH);
        call.account().addMedia(mediaId, call.now());
        ObjectNode body = Json.object();
        body.put("type", type.name());
        body.put(type.idField(), mediaId);
        body.put("created_at", call.now().getEpochSecond());
        return SimResponse.wechat(body);
    }

    /**
     * The part named {@code media}. 41005 when there is none, when it has no {@code filename} in its
     * Content-Disposition (silenceper/wechat#832: WeChat refuses it, fixed by adding the filename), when it is
     * empty, or when the body is no well-formed multipart form (wechat-api-facts.md "More facts").
     */
    private static MultipartParser.Part mediaPart(RecordedRequest request) {
        List<MultipartParser.Part> parts;
        try {
            parts = MultipartParser.parse(request.contentType(), request.rawBody());
        } catch (MultipartParser.MalformedMultipartException e) {
            throw new ApiError(ErrorCode.MEDIA_DATA_MISSING);
        }
        return parts.stream()
                .filter(part -> "media".equals(part.name()))
                .findFirst()
                .filter(part -> part.filename() != null && !part.filename().isBlank() && part.content().length > 0)
                .orElseThrow(() -> new ApiError(ErrorCode.MEDIA_DATA_MISSING));
    }
}
