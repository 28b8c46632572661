package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaUploadTest extends SimulatorTestSupport {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
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
    void typeOtherThanImageIs40004() {
        byte[] body = multipart(BOUNDARY, "media", "a.jpg", "image/jpeg", JPEG);
        Answer voice = upload("voice", body);
        assertError(40004, voice);
        assertEquals("invalid media type", voice.message());
        assertError(40004, upload(null, body));
    }

    @Test
    void nonImageBytesAre40004() {
        assertError(40004, uploadImage("%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(sim.account(APP).mediaIds().isEmpty());
    }

    @Test
    void imageLargerThan10MegabytesIs40009() {
        byte[] big = Arrays.copyOf(JPEG, 10 * 1024 * 1024 + 1);
        Answer answer = uploadImage(big);
        assertError(40009, answer);
        assertEquals("invalid image size", answer.message());

        assertEquals("image", uploadImage(Arrays.copyOf(JPEG, 10 * 1024 * 1024)).json().path("type").asText());
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
