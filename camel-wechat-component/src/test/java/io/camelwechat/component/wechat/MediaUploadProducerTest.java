package io.camelwechat.component.wechat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camelwechat.component.wechat.model.MediaUploadResult;
import io.camelwechat.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void upload_resultConvertsToMapWithWireNames() {
        Exchange exchange = send("wechat:media?op=upload", PNG);

        assertTrue(exchange.getMessage().getBody(java.util.Map.class).containsKey("media_id"));
        assertTrue(exchange.getMessage().getBody(String.class).contains("\"media_id\""));
    }
}
