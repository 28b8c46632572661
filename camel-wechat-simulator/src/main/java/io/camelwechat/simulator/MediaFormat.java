package io.camelwechat.simulator;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The file formats WeChat accepts for temporary media (wechat-api-facts.md "More facts": image
 * PNG/JPEG/JPG/GIF, voice AMR/MP3, video MP4, thumb JPG), recognised by their leading bytes.
 */
enum MediaFormat {
    JPEG(content -> startsWith(content, 0, 0xFF, 0xD8, 0xFF)),
    PNG(content -> startsWith(content, 0, 0x89, 'P', 'N', 'G')),
    GIF(content -> startsWith(content, 0, 'G', 'I', 'F', '8')),
    /** The AMR file header {@code #!AMR}. */
    AMR(content -> startsWith(content, 0, '#', '!', 'A', 'M', 'R')),
    /** An ID3 tag, or an MPEG audio frame (11 sync bits set). */
    MP3(content -> startsWith(content, 0, 'I', 'D', '3')
            || content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0),
    /** The ISO base media {@code ftyp} box, right after its 4-byte size. */
    MP4(content -> startsWith(content, 4, 'f', 't', 'y', 'p'));

    private final Predicate<byte[]> matcher;

    MediaFormat(Predicate<byte[]> matcher) {
        this.matcher = matcher;
    }

    /** Whether the content is in one of these formats. */
    static boolean isAnyOf(Set<MediaFormat> formats, byte[] content) {
        return formats.stream().anyMatch(format -> format.matcher.test(content));
    }

    private static boolean startsWith(byte[] content, int offset, int... magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
