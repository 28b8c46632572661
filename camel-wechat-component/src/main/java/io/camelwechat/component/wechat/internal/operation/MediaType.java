package io.camelwechat.component.wechat.internal.operation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelwechat.component.wechat.internal.support.Texts;

/**
 * WeChat's four kinds of temporary media (the upload's {@code type}), each with the formats and the size WeChat
 * takes. The image limit is the {@code mediaMaxSize} option (WeChat's pages say 2 MB and 10 MB); the others are
 * WeChat's own.
 */
public enum MediaType {
    IMAGE(EnumSet.of(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.GIF), 0),
    VOICE(EnumSet.of(MediaFormat.AMR, MediaFormat.MP3), 2L * 1024 * 1024),
    VIDEO(EnumSet.of(MediaFormat.MP4), 10L * 1024 * 1024),
    THUMB(EnumSet.of(MediaFormat.JPEG), 64L * 1024);

    static final String NAMES = Arrays.stream(values()).map(MediaType::wireName).collect(Collectors.joining(", "));

    private final Set<MediaFormat> formats;
    private final long fixedMaxSize;

    MediaType(Set<MediaFormat> formats, long fixedMaxSize) {
        this.formats = formats;
        this.fixedMaxSize = fixedMaxSize;
    }

    /** WeChat's name, as its {@code type} query parameter takes it. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean accepts(MediaFormat format) {
        return formats.contains(format);
    }

    String acceptedFormats() {
        return formats.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The largest file WeChat takes for this type; images: the mediaMaxSize option. */
    long maxSize(long mediaMaxSize) {
        return this == IMAGE ? mediaMaxSize : fixedMaxSize;
    }

    /**
     * @param source the option or header it came from, for the message
     * @throws IllegalArgumentException naming the source and the types WeChat knows
     */
    public static MediaType of(String value, String source) {
        for (MediaType type : values()) {
            if (type.wireName().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException(source + " must be one of " + NAMES + " (WeChat's temporary media "
                                           + "types), got " + Texts.describe(value));
    }
}
