package io.camelwechat.simulator;

/**
 * One qualification certificate of a category, as submitted in {@code certicates}.
 *
 * @param key         the qualification's name
 * @param value       the media_id of the picture
 * @param expireTime  the optional {@code expire_time}, or {@code null}
 * @param isPermanent the optional {@code is_permanent}, or {@code null}
 */
public record CertificateState(String key, String value, Long expireTime, Integer isPermanent) {
}
