package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The temporary media an account uploaded. A temporary media_id expires 3 days after its upload
 * (wechat-api-facts.md section 9); an expired one is as unknown as one never uploaded.
 *
 * <p>Not thread-safe: {@link Account} serialises access.
 */
final class MediaLibrary {

    static final Duration LIFETIME = Duration.ofDays(3);

    private final Map<String, Instant> uploadedAt = new HashMap<>();

    void add(String mediaId, Instant now) {
        uploadedAt.put(mediaId, now);
    }

    boolean contains(String mediaId, Instant now) {
        Instant at = mediaId == null ? null : uploadedAt.get(mediaId);
        return at != null && now.isBefore(at.plus(LIFETIME));
    }

    Set<String> ids(Instant now) {
        return uploadedAt.keySet().stream().filter(id -> contains(id, now)).collect(Collectors.toSet());
    }
}
