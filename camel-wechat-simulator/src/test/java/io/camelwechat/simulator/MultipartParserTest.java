package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultipartParserTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void parsesSeveralPartsWithBinaryContent() throws Exception {
        String body = "preamble\r\n--b1\r\n"
                + "Content-Disposition: form-data; name=\"description\"\r\n\r\n"
                + "hello\r\n"
                + "--b1\r\n"
                + "Content-Disposition: form-data; name=\"media\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "\u0089PNG\r\n--b\r\n\u0000\r\n"
                + "--b1--\r\n";

        List<MultipartParser.Part> parts = MultipartParser.parse("multipart/form-data; boundary=b1", bytes(body));

        assertEquals(2, parts.size());
        assertEquals("description", parts.get(0).name());
        assertNull(parts.get(0).filename());
        assertArrayEquals(bytes("hello"), parts.get(0).content());
        MultipartParser.Part media = parts.get(1);
        assertEquals("media", media.name());
        assertEquals("x.png", media.filename());
        assertEquals("image/png", media.contentType());
        assertArrayEquals(bytes("\u0089PNG\r\n--b\r\n\u0000"), media.content());
    }

    @Test
    void acceptsAQuotedBoundaryAndAnEmptyPart() throws Exception {
        String body = "--a b\r\nContent-Disposition: form-data; filename=\"f\"; name=\"media\"\r\n\r\nxyz\r\n"
                + "--a b\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--a b--";
        List<MultipartParser.Part> parts = MultipartParser.parse("Multipart/Form-Data; charset=x; boundary=\"a b\"",
                bytes(body));
        assertEquals("media", parts.get(0).name());
        assertEquals("f", parts.get(0).filename());
        assertArrayEquals(bytes("xyz"), parts.get(0).content());
        assertArrayEquals(new byte[0], parts.get(1).content());
    }

    @Test
    void rejectsBareLineFeedsAnywhereInTheFraming() {
        String crlf = "--b\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n\r\nxyz\r\n--b--\r\n";
        assertDoesNotThrow(() -> MultipartParser.parse("multipart/form-data; boundary=b", bytes(crlf)));
        for (String broken : new String[] {
                crlf.replace("\r\n", "\n"),                                   // every line break bare
                crlf.replaceFirst("--b\r\n", "--b\n"),                         // after the first delimiter
                crlf.replace("\"a.jpg\"\r\n\r\n", "\"a.jpg\"\n\r\n"),         // after a header line
                crlf.replace("\"a.jpg\"\r\n\r\n", "\"a.jpg\"\r\n\n"),         // the empty line
                crlf.replace("xyz\r\n--b--", "xyz\n--b--")}) {                 // before the closing delimiter
            assertThrows(MultipartParser.MalformedMultipartException.class,
                    () -> MultipartParser.parse("multipart/form-data; boundary=b", bytes(broken)), broken);
        }
    }

    @Test
    void rejectsWhatIsNotAMultipartForm() {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=\"media\"\r\n\r\nxyz");
        assertThrows(MultipartParser.MalformedMultipartException.class,
                () -> MultipartParser.parse("multipart/form-data; boundary=b", body));
        assertThrows(MultipartParser.MalformedMultipartException.class,
                () -> MultipartParser.parse("application/json", body));
        assertThrows(MultipartParser.MalformedMultipartException.class,
                () -> MultipartParser.parse("multipart/form-data", body));
        assertThrows(MultipartParser.MalformedMultipartException.class,
                () -> MultipartParser.parse("multipart/form-data; boundary=zz", body));
    }
}
