package io.camelwechat.component.wechat.internal.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.support.Texts;
import io.camelwechat.component.wechat.model.Certificate;

/**
 * Reads qualifications from the {@code CamelWeChatCertificates} header, or checks those of a typed request: a Map
 * of qualification name to media_id, or a List of {@link Certificate} records or of Maps with WeChat's field names.
 */
final class CertificateReader {

    private static final String SHAPES = "a Map of qualification name to media_id, or a List of Certificate "
                                         + "(or of Maps with key, value and the optional expire_time, is_permanent)";

    private CertificateReader() {
    }

    static List<Certificate> fromHeader(Object value) {
        String name = WeChatConstants.CERTIFICATES;
        List<Certificate> certificates = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                certificates.add(Certificate.of(text(entry.getKey(), name + " key"),
                        text(entry.getValue(), name + "[" + entry.getKey() + "]")));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                certificates.add(fromListItem(list.get(i), name + "[" + i + "]"));
            }
        } else {
            throw new IllegalArgumentException(name + " must be " + SHAPES + "; got " + Texts.describe(value));
        }
        check(certificates, name);
        return certificates;
    }

    /** Checks the certificates of a typed request; {@code name} is the field path used in messages. */
    static void check(List<Certificate> certificates, String name) {
        for (int i = 0; i < certificates.size(); i++) {
            Certificate certificate = certificates.get(i);
            String item = name + "[" + i + "]";
            if (certificate == null) {
                throw new IllegalArgumentException(item + " must be a certificate, got null");
            }
            text(certificate.key(), item + ".key");
            text(certificate.value(), item + ".value (a media_id)");
            if (certificate.expireTime() != null && certificate.expireTime() <= 0) {
                throw new IllegalArgumentException(item + ".expire_time must be a positive epoch time in seconds, "
                                                   + "got " + certificate.expireTime());
            }
            if (certificate.isPermanent() != null && certificate.isPermanent() != 0 && certificate.isPermanent() != 1) {
                throw new IllegalArgumentException(item + ".is_permanent must be 0 or 1, got "
                                                   + certificate.isPermanent());
            }
        }
    }

    private static Certificate fromListItem(Object item, String name) {
        if (item instanceof Certificate certificate) {
            return certificate;
        }
        if (item instanceof Map<?, ?> map) {
            return new Certificate(text(map.get("key"), name + ".key"), text(map.get("value"), name + ".value"),
                    number(map.get("expire_time"), name + ".expire_time"),
                    integer(map.get("is_permanent"), name + ".is_permanent"));
        }
        throw new IllegalArgumentException(WeChatConstants.CERTIFICATES + " must be " + SHAPES + "; " + name
                                           + " is " + Texts.describe(item));
    }

    private static String text(Object value, String name) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank String, got "
                                               + (value == null ? "nothing" : Texts.describe(value)));
        }
        return Texts.requireNoControlCharacters(text, name);
    }

    private static Long number(Object value, String name) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException(name + " must be a number, got " + Texts.describe(value));
    }

    private static Integer integer(Object value, String name) {
        Long number = number(value, name);
        return number == null ? null : number.intValue();
    }
}
