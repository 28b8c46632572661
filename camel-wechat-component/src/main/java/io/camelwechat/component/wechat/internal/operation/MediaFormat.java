package io.camelwechat.component.wechat.internal.operation;

import java.util.Optional;

/** The file formats WeChat accepts as temporary media, recognised by their leading bytes. */
enum MediaFormat {
    JPEG("image/jpeg", "jpg", 0, 0xFF, 0xD8, 0xFF),
    PNG("image/png", "png", 0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A),
    GIF("image/gif", "gif", 0, 'G', 'I', 'F', '8'),
    /** The AMR file header {@code #!AMR}. */
    AMR("audio/amr", "amr", 0, '#', '!', 'A', 'M', 'R'),
    /** An ID3 tag; a bare MPEG audio frame is recognised in {@link #matches}. */
    MP3("audio/mpeg", "mp3", 0, 'I', 'D', '3'),
    /** The ISO base media {@code ftyp} box, after its 4-byte size. */
    MP4("video/mp4", "mp4", 4, 'f', 't', 'y', 'p');

    private final String contentType;
    private final String extension;
    private final int offset;
    private final int[] magic;

    MediaFormat(String contentType, String extension, int offset, int... magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.offset = offset;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<MediaFormat> detect(byte[] data) {
        for (MediaFormat format : values()) {
            if (format.matches(data)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] data) {
        if (this == MP3 && data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xE0) == 0xE0) {
            return true; // an MPEG audio frame: 11 sync bits set
        }
        if (data.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
