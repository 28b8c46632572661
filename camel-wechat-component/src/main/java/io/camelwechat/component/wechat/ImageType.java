package io.camelwechat.component.wechat;

import java.util.Optional;

/** The image formats WeChat accepts as temporary media, recognised by their leading bytes. */
enum ImageType {
    JPEG("image/jpeg", "jpg", new int[] { 0xFF, 0xD8, 0xFF }),
    PNG("image/png", "png", new int[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
    GIF("image/gif", "gif", new int[] { 'G', 'I', 'F', '8' });

    static final String ACCEPTED = "JPEG, PNG or GIF";

    private final String contentType;
    private final String extension;
    private final int[] magic;

    ImageType(String contentType, String extension, int[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<ImageType> detect(byte[] data) {
        for (ImageType type : values()) {
            if (type.matches(data)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] data) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
