package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code POST /cgi-bin/media/upload?type=image}: temporary image upload, multipart with one file part
 * named {@code media} (wechat-api-facts.md section 9). The returned media_id becomes usable as a
 * category certificate of the same account.
 */
final class MediaApi {

    static final String IMAGE = "image";
    /** Facts section 9: the current page says both 2 MB and 10 MB; the simulator takes the larger. */
    static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;
    private static final int MEDIA_ID_LENGTH = 64;

    private final RandomIds ids;

    MediaApi(RandomIds ids) {
        this.ids = ids;
    }

    SimResponse upload(ApiCall call) {
        RecordedRequest request = call.request();
        if (!IMAGE.equals(request.queryParam("type"))) {
            throw new ApiError(ErrorCode.INVALID_MEDIA_TYPE); // only images are simulated
        }
        byte[] content = mediaPart(request).content();
        if (content.length > MAX_IMAGE_BYTES) {
            throw new ApiError(ErrorCode.INVALID_IMAGE_SIZE);
        }
        if (ImageFormat.detect(content).isEmpty()) {
            throw new ApiError(ErrorCode.INVALID_MEDIA_TYPE);
        }
        String mediaId = ids.next(MEDIA_ID_LENGTH);
        call.account().addMedia(mediaId, call.now());
        ObjectNode body = Json.object();
        body.put("type", IMAGE);
        body.put("media_id", mediaId);
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
