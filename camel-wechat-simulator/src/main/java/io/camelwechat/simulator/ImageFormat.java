package io.camelwechat.simulator;

import java.util.Optional;

/** The image formats WeChat accepts for image media (facts section 9: PNG/JPEG/JPG/GIF), by magic bytes. */
enum ImageFormat {
    JPEG(0xFF, 0xD8, 0xFF),
    PNG(0x89, 'P', 'N', 'G'),
    GIF('G', 'I', 'F', '8');

    private final int[] magic;

    ImageFormat(int... magic) {
        this.magic = magic;
    }

    static Optional<ImageFormat> detect(byte[] content) {
        for (ImageFormat format : values()) {
            if (format.matches(content)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
