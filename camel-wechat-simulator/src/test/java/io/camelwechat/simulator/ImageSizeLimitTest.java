package io.camelwechat.simulator;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The image limit flag: WeChat's upload page says both 10 MB (the default) and 2 MB. */
class ImageSizeLimitTest extends SimulatorTestSupport {

    private static final String BOUNDARY = "limit-boundary";

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder.imageSizeLimit(WeChatSimulator.Builder.IMAGE_SIZE_LIMIT_OLDER);
    }

    private Answer uploadImage(int size) {
        return post("/cgi-bin/media/upload?type=image&access_token=" + token(),
                "multipart/form-data; boundary=" + BOUNDARY, MediaUploadTest.multipart(BOUNDARY, "media", "a.png",
                        "image/png", Arrays.copyOf(MediaUploadTest.PNG, size)));
    }

    @Test
    void theStricterTwoMegabyteReadingAnswers40009Above2Mb() {
        assertError(40009, uploadImage(2 * 1024 * 1024 + 1));
        assertEquals("image", uploadImage(2 * 1024 * 1024).json().path("type").asText());
    }

    @Test
    void theLimitIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().imageSizeLimit(0));
        assertThrows(IllegalArgumentException.class,
                () -> WeChatSimulator.builder().imageSizeLimit(10 * 1024 * 1024 + 1));
    }
}
