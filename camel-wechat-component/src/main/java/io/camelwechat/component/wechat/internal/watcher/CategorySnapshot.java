package io.camelwechat.component.wechat.internal.watcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.camelwechat.component.wechat.internal.engine.WeChatStatus;
import io.camelwechat.component.wechat.internal.support.WireFormat;
import io.camelwechat.component.wechat.model.CategoryAuditStatus;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.SettingCategory;

/**
 * What the watcher last delivered for one account: each category's names, audit status and reason, keyed by
 * {@code first/second}. Immutable; {@link #diff} is a pure function, so the watcher's behaviour follows from the
 * stored snapshot and WeChat's answer alone.
 */
public final class CategorySnapshot {

    /** The last delivered state of one category. */
    public record Entry(@JsonProperty("first_name") String firstName, @JsonProperty("second_name") String secondName,
            @JsonProperty("audit_status") int status, @JsonProperty("audit_reason") String reason) {
    }

    /** Reads the stored form; resolved once, as resolving the generic type per read showed in profiles. */
    private static final ObjectReader STORED = WireFormat.reader(new TypeReference<Map<String, Entry>>() {
    });
    /** By first then second id; parses the "first/second" keys in place (it runs for every snapshot read). */
    private static final Comparator<String> BY_IDS = (one, other) -> {
        int byFirst = Integer.compare(first(one), first(other));
        return byFirst != 0 ? byFirst : Integer.compare(second(one), second(other));
    };

    private static final ObjectWriter ASCII_JSON = WireFormat.writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private final Map<String, Entry> entries;

    private CategorySnapshot(Map<String, Entry> entries) {
        TreeMap<String, Entry> sorted = new TreeMap<>(BY_IDS);
        sorted.putAll(entries);
        this.entries = Collections.unmodifiableMap(sorted);
    }

    public static CategorySnapshot empty() {
        return new CategorySnapshot(Map.of());
    }

    /** The snapshot of what WeChat answered now. */
    public static CategorySnapshot of(List<SettingCategory> categories) {
        return of(categories, empty());
    }

    /**
     * The snapshot of what WeChat answered now; a category with an audit status WeChat does not document (or
     * none) keeps its previous entry, so an odd answer never shows as a change.
     */
    public static CategorySnapshot of(List<SettingCategory> categories, CategorySnapshot previous) {
        Map<String, Entry> entries = new TreeMap<>(BY_IDS);
        for (SettingCategory category : categories) {
            if (!CategoryAuditStatus.isDocumented(category.auditStatus())) {
                Entry known = previous.entries.get(key(category.first(), category.second()));
                if (known != null) {
                    entries.put(key(category.first(), category.second()), known);
                }
                continue;
            }
            entries.put(key(category.first(), category.second()), new Entry(category.firstName(),
                    category.secondName(), category.auditStatus(), reasonOf(category.auditReason())));
        }
        return new CategorySnapshot(entries);
    }

    /**
     * The changes from {@code previous} to {@code current}, ordered by first then second category id:
     * {@code ADDED} for new categories, {@code STATUS_CHANGED} when the status changed or a rejection's reason did,
     * {@code REMOVED} for categories that are gone.
     */
    public static List<CategoryChange> diff(String appId, CategorySnapshot previous, CategorySnapshot current,
                                            Instant detectedAt) {
        TreeMap<String, CategoryChange> changes = new TreeMap<>(BY_IDS);
        current.entries.forEach((key, now) -> {
            Entry before = previous.entries.get(key);
            if (before == null) {
                changes.put(key, change(appId, key, null, now, CategoryChange.Type.ADDED, detectedAt));
            } else if (before.status() != now.status()
                       || (now.status() == CategoryAuditStatus.REJECTED.code()
                           && !Objects.equals(before.reason(), now.reason()))) {
                changes.put(key, change(appId, key, before, now, CategoryChange.Type.STATUS_CHANGED, detectedAt));
            }
        });
        previous.entries.forEach((key, before) -> {
            if (!current.entries.containsKey(key)) {
                changes.put(key, new CategoryChange(appId, first(key), before.firstName(), second(key),
                        before.secondName(), before.status(), null, before.reason(), before.reason(),
                        CategoryChange.Type.REMOVED, detectedAt));
            }
        });
        return new ArrayList<>(changes.values());
    }

    private static CategoryChange change(String appId, String key, Entry before, Entry now, CategoryChange.Type type,
                                         Instant detectedAt) {
        return new CategoryChange(appId, first(key), now.firstName(), second(key), now.secondName(),
                before == null ? null : before.status(), now.status(), before == null ? null : before.reason(),
                now.reason(), type, detectedAt);
    }

    /** This snapshot with one delivered change applied: what is committed after its exchange succeeded. */
    public CategorySnapshot with(CategoryChange change) {
        Map<String, Entry> next = new TreeMap<>(BY_IDS);
        next.putAll(entries);
        String key = key(change.first(), change.second());
        if (change.type() == CategoryChange.Type.REMOVED) {
            next.remove(key);
        } else {
            next.put(key, new Entry(change.firstName(), change.secondName(), change.status(), change.reason()));
        }
        return new CategorySnapshot(next);
    }

    /** The categories, by first then second id, as the console shows them. */
    public List<WeChatStatus.Category> categories() {
        return entries.entrySet().stream().map(entry -> new WeChatStatus.Category(first(entry.getKey()),
                second(entry.getKey()), entry.getValue().firstName(), entry.getValue().secondName(),
                entry.getValue().status(), entry.getValue().reason())).toList();
    }

    /** Compact JSON, the form kept in the StateRepository. */
    public String toJson() {
        try {
            // ASCII only: FileStateRepository writes with the platform charset, which may not hold Chinese reasons
            return ASCII_JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a category snapshot", e);
        }
    }

    public static CategorySnapshot fromJson(String json) {
        try {
            return new CategorySnapshot(STORED.readValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored category snapshot is not valid JSON: "
                                               + e.getOriginalMessage(), e);
        }
    }

    private static String reasonOf(String reason) {
        return reason == null ? "" : reason;
    }

    private static String key(int first, int second) {
        return first + "/" + second;
    }

    private static int first(String key) {
        return Integer.parseInt(key, 0, key.indexOf('/'), 10);
    }

    private static int second(String key) {
        return Integer.parseInt(key, key.indexOf('/') + 1, key.length(), 10);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategorySnapshot snapshot && snapshot.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "CategorySnapshot" + entries;
    }
}
