package io.camelwechat.component.wechat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.camelwechat.component.wechat.model.MediaUploadResult;
import io.camelwechat.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaUploadProducerTest extends WeChatTestSupport {

    private static final String UPLOAD_PATH = "/cgi-bin/media/upload";

    @Test
    void upload_bytes_answersAMediaIdKnownToWeChat() {
        Exchange exchange = send("wechat:media?op=upload", PNG, WeChatConstants.MEDIA_FILE_NAME, "licence.png");

        MediaUploadResult result = assertInstanceOf(MediaUploadResult.class, exchange.getMessage().getBody());
        assertEquals("image", result.type());
        assertTrue(simulator.account(APP_ID).mediaIds().contains(result.mediaId()));
        assertTrue(result.createdAt() > 0);

        RecordedRequest request = requestsTo(UPLOAD_PATH).get(0);
        assertEquals("image", request.query().get("type"));
        assertTrue(request.contentType().startsWith("multipart/form-data"), request.contentType());
        String body = new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("name=\"media\""), "the file part is named media");
        assertTrue(body.contains("filename=\"licence.png\""), "the file name header is used");
        assertTrue(body.contains("Content-Type: image/png"), "the detected type is sent");
    }

    @Test
    void upload_file_usesItsNameAndConvertsItsContent(@TempDir Path folder) throws Exception {
        Path picture = Files.write(folder.resolve("shop-front.png"), PNG);

        Exchange exchange = send("wechat:media?op=upload", picture.toFile(), Exchange.FILE_NAME, "shop-front.png");

        assertInstanceOf(MediaUploadResult.class, exchange.getMessage().getBody());
        String body = new String(requestsTo(UPLOAD_PATH).get(0).body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("filename=\"shop-front.png\""));
    }

    @Test
    void upload_withoutAnyFileName_stillSendsOne_asWeChatRequires() {
        Exchange exchange = send("wechat:media?op=upload", PNG);

        // WeChat answers 41005 "media data missing" to a part without a filename (silenceper/wechat#832)
        assertInstanceOf(MediaUploadResult.class, exchange.getMessage().getBody(), String.valueOf(exchange.getException()));
        String body = new String(requestsTo(UPLOAD_PATH).get(0).body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"media\"; filename=\"media.png\""), body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherMediaTypes")
    void upload_ofEachMediaType_sendsWeChatsTypeAndTheFormatsContentType(String type, byte[] file, String contentType,
                                                                        String fileName) {
        Exchange exchange = send("wechat:media?op=upload&mediaType=" + type, file);

        MediaUploadResult result = assertInstanceOf(MediaUploadResult.class, exchange.getMessage().getBody(),
                String.valueOf(exchange.getException()));
        assertEquals(type, result.type());
        assertTrue(simulator.account(APP_ID).mediaIds().contains(result.mediaId()), "thumb_media_id is read too");
        RecordedRequest request = requestsTo(UPLOAD_PATH).get(0);
        assertEquals(type, request.query().get("type"));
        String body = new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("Content-Type: " + contentType), body);
        assertTrue(body.contains("filename=\"" + fileName + "\""), body);
    }

    static Stream<Arguments> otherMediaTypes() {
        byte[] amr = "#!AMR\n....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] mp3 = { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0 };
        byte[] mp4 = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 };
        return Stream.of(Arguments.of("voice", amr, "audio/amr", "media.amr"),
                Arguments.of("voice", mp3, "audio/mpeg", "media.mp3"),
                Arguments.of("video", mp4, "video/mp4", "media.mp4"),
                Arguments.of("thumb", jpeg, "image/jpeg", "media.jpg"));
    }

    @Test
    void upload_theMediaTypeHeaderOverridesTheOption() {
        byte[] mp4 = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };

        Exchange exchange = send("wechat:media?op=upload", mp4, WeChatConstants.MEDIA_TYPE, "video");

        assertEquals("video", assertInstanceOf(MediaUploadResult.class, exchange.getMessage().getBody()).type());
    }

    @Test
    void upload_aFileOfAnotherFormatThanTheType_orTooLargeForIt_isRefusedBeforeAnyCall() {
        IllegalArgumentException pngAsVoice = sendExpecting(IllegalArgumentException.class,
                "wechat:media?op=upload&mediaType=voice", PNG);
        byte[] bigThumb = new byte[64 * 1024 + 1];
        bigThumb[0] = (byte) 0xFF;
        bigThumb[1] = (byte) 0xD8;
        bigThumb[2] = (byte) 0xFF;
        IllegalArgumentException tooBig = sendExpecting(IllegalArgumentException.class,
                "wechat:media?op=upload&mediaType=thumb", bigThumb);
        IllegalArgumentException unknown = sendExpecting(IllegalArgumentException.class, "wechat:media?op=upload",
                PNG, WeChatConstants.MEDIA_TYPE, "news");

        assertEquals("message body is not a file WeChat accepts as voice media: expected AMR, MP3",
                pngAsVoice.getMessage());
        assertEquals("message body is 65537 bytes, more than WeChat's limit for thumb media, 65536 bytes",
                tooBig.getMessage());
        assertTrue(unknown.getMessage().startsWith("CamelWeChatMediaType must be one of image, voice, video, thumb"),
                unknown.getMessage());
        assertEquals(0, simulator.totalRequests());
    }

    @Test
    void upload_resultConvertsToMapWithWireNames() {
        Exchange exchange = send("wechat:media?op=upload", PNG);

        assertTrue(exchange.getMessage().getBody(java.util.Map.class).containsKey("media_id"));
        assertTrue(exchange.getMessage().getBody(String.class).contains("\"media_id\""));
    }
}
