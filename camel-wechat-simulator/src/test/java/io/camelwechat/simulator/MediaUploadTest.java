package io.camelwechat.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaUploadTest extends SimulatorTestSupport {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    static final byte[] AMR = {'#', '!', 'A', 'M', 'R', '\n', 0x3C, 0x48};
    static final byte[] MP3_ID3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
    static final byte[] MP3_FRAME = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0};
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0};
    private static final String BOUNDARY = "----simulator-test-boundary";

    /** A multipart body with one file part. */
    static byte[] multipart(String boundary, String partName, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Answer upload(String type, byte[] body) {
        String query = "?access_token=" + token() + (type == null ? "" : "&type=" + type);
        return post("/cgi-bin/media/upload" + query, "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    private Answer uploadImage(byte[] content) {
        return upload("image", multipart(BOUNDARY, "media", "licence.jpg", "image/jpeg", content));
    }

    private Answer upload(String type, String filename, byte[] content) {
        return upload(type, multipart(BOUNDARY, "media", filename, "application/octet-stream", content));
    }

    @Test
    void imageUploadAnswersAMediaIdThatBecomesKnownToTheAccount() {
        Answer answer = uploadImage(JPEG);

        assertEquals(200, answer.status());
        JsonNode json = answer.json();
        assertEquals("image", json.get("type").asText());
        assertEquals(START.getEpochSecond(), json.get("created_at").asLong());
        String mediaId = json.get("media_id").asText();
        assertTrue(mediaId.length() >= 32, mediaId);
        assertTrue(sim.account(APP).mediaIds().contains(mediaId));
        assertTrue(sim.account(OTHER_APP).mediaIds().isEmpty());

        assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":8,\"second\":39,"
                + "\"certicates\":[{\"key\":\"licence\",\"value\":\"" + mediaId + "\"}]}]}"));
    }

    @Test
    void pngAndGifAreImagesToo() {
        String png = uploadImage(PNG).json().get("media_id").asText();
        String gif = uploadImage(GIF).json().get("media_id").asText();
        assertNotEquals(png, gif);
    }

    @Test
    void voiceVideoAndThumbAreTemporaryMediaToo() {
        for (byte[] voice : new byte[][] {AMR, MP3_ID3, MP3_FRAME}) {
            Answer answer = upload("voice", "a.mp3", voice);
            assertEquals("voice", answer.json().get("type").asText(), answer.body());
            assertTrue(sim.account(APP).mediaIds().contains(answer.json().get("media_id").asText()));
        }
        Answer video = upload("video", "a.mp4", MP4);
        assertEquals("video", video.json().get("type").asText(), video.body());
        assertEquals(START.getEpochSecond(), video.json().get("created_at").asLong());

        Answer thumb = upload("thumb", "t.jpg", JPEG);
        assertEquals("thumb", thumb.json().get("type").asText(), thumb.body());
        assertTrue(thumb.json().has("thumb_media_id") && !thumb.json().has("media_id"), thumb.body());
        assertTrue(sim.account(APP).mediaIds().contains(thumb.json().get("thumb_media_id").asText()));
    }

    @Test
    void anotherTypeIs40004() {
        byte[] body = multipart(BOUNDARY, "media", "a.jpg", "image/jpeg", JPEG);
        for (String type : new String[] {"file", "news", "IMAGE", ""}) {
            Answer answer = upload(type, body);
            assertError(40004, answer);
            assertEquals("invalid media type", answer.message());
        }
        assertError(40004, upload(null, body));
    }

    @Test
    void bytesOfAnotherFormatThanTheTypeAllowsAre40005() {
        Answer pdf = uploadImage("%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII));
        assertError(40005, pdf);
        assertEquals("invalid file type", pdf.message());
        assertError(40005, upload("voice", "a.mp3", JPEG));
        assertError(40005, upload("video", "a.mp4", AMR));
        assertError(40005, upload("thumb", "t.png", PNG)); // thumbs are JPG only
        assertError(40005, uploadImage(MP4));
        assertTrue(sim.account(APP).mediaIds().isEmpty());
    }

    @Test
    void eachTypeHasItsSizeLimit() {
        assertSizeLimit("image", JPEG, 10 * 1024 * 1024, 40009, "invalid image size");
        assertSizeLimit("voice", AMR, 2 * 1024 * 1024, 40010, "invalid voice size");
        assertSizeLimit("video", MP4, 10 * 1024 * 1024, 40011, "invalid video size");
        assertSizeLimit("thumb", JPEG, 64 * 1024, 40012, "invalid thumb size");
    }

    private void assertSizeLimit(String type, byte[] magic, int limit, int errcode, String message) {
        Answer tooLarge = upload(type, "f", Arrays.copyOf(magic, limit + 1));
        assertError(errcode, tooLarge);
        assertEquals(message, tooLarge.message());
        assertEquals(type, upload(type, "f", Arrays.copyOf(magic, limit)).json().path("type").asText());
    }

    @Test
    void missingMediaPartIs41005() {
        Answer wrongName = upload("image", multipart(BOUNDARY, "file", "a.jpg", "image/jpeg", JPEG));
        assertError(41005, wrongName);
        assertEquals("media data missing", wrongName.message());
        assertError(41005, upload("image", multipart(BOUNDARY, "media", "a.jpg", "image/jpeg", new byte[0])));
        assertError(41005, post("/cgi-bin/media/upload?type=image&access_token=" + token(), "image/jpeg", JPEG));
    }

    @Test
    void mediaPartWithoutFilenameIs41005() {
        // silenceper/wechat#832: WeChat refuses a media part without filename; adding the filename fixed it
        byte[] noFilename = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"media\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(noFilename, JPEG, ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer answer = upload("image", body);
        assertError(41005, answer);
        assertEquals("media data missing", answer.message());
        assertError(41005, upload("image", multipart(BOUNDARY, "media", "", "image/jpeg", JPEG)));
        assertTrue(sim.account(APP).mediaIds().isEmpty());
        assertEquals("image", uploadImage(JPEG).json().path("type").asText(), "the same bytes with a filename pass");
    }

    @Test
    void bareLineFeedsOrAMissingClosingDelimiterAre41005() {
        byte[] crlf = multipart(BOUNDARY, "media", "a.jpg", "image/jpeg", JPEG);
        byte[] bareLf = new String(crlf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertError(41005, upload("image", bareLf));
        assertError(41005, upload("image", Arrays.copyOf(crlf, crlf.length - (BOUNDARY.length() + 6))));
        assertTrue(sim.account(APP).mediaIds().isEmpty());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void emptyBodyIs44002AndGetIs43002() {
        assertError(44002, upload("image", new byte[0]));
        assertError(43002, get("/cgi-bin/media/upload?type=image&access_token=" + token()));
    }
}
