package io.camelwechat.component.wechat.internal.watcher;

import java.time.Instant;
import java.util.List;

import io.camelwechat.component.wechat.model.CategoryChange.Type;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.SettingCategory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff is a pure function of the delivered snapshot and WeChat's answer. */
class CategorySnapshotTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private static SettingCategory category(int first, int second, int status, String reason) {
        return new SettingCategory(first, "一级" + first, second, "二级" + second, status, reason);
    }

    private static List<CategoryChange> diff(List<SettingCategory> before, List<SettingCategory> after) {
        return CategorySnapshot.diff("wxa", CategorySnapshot.of(before), CategorySnapshot.of(after), NOW);
    }

    @Test
    void nothingChanged_noChanges() {
        List<SettingCategory> same = List.of(category(8, 39, 1, ""), category(1, 2, 3, ""));
        assertTrue(diff(same, same).isEmpty());
    }

    @Test
    void added_statusChanged_removed_inIdOrder() {
        List<CategoryChange> changes = diff(
                List.of(category(8, 39, 1, ""), category(1, 2, 3, ""), category(1, 9, 3, "")),
                List.of(category(8, 39, 3, ""), category(1, 9, 3, ""), category(1, 3, 1, "")));

        assertEquals(List.of("1/2 REMOVED", "1/3 ADDED", "8/39 STATUS_CHANGED"),
                changes.stream().map(change -> change.first() + "/" + change.second() + " " + change.type()).toList());
        CategoryChange removed = changes.get(0);
        assertEquals(3, removed.previousStatus());
        assertNull(removed.status());
        assertEquals("二级2", removed.secondName(), "a removed category keeps its last known names");
        CategoryChange added = changes.get(1);
        assertNull(added.previousStatus());
        assertEquals(1, added.status());
        CategoryChange approved = changes.get(2);
        assertEquals(1, approved.previousStatus());
        assertEquals(3, approved.status());
        assertEquals("wxa", approved.appId());
        assertEquals(NOW, approved.detectedAt());
    }

    @Test
    void aChangeCarriesTheReasonBeforeIt_asWellAsTheReasonNow() {
        CategoryChange backUnderReview = diff(List.of(category(8, 39, 2, "资质不清晰")),
                List.of(category(8, 39, 1, ""))).get(0);
        CategoryChange added = diff(List.of(), List.of(category(8, 39, 1, ""))).get(0);
        CategoryChange removed = diff(List.of(category(8, 39, 2, "资质不清晰")), List.of()).get(0);

        assertEquals("资质不清晰", backUnderReview.previousReason());
        assertEquals("", backUnderReview.reason());
        assertNull(added.previousReason(), "nothing came before an added category");
        assertEquals("资质不清晰", removed.previousReason());
    }

    @Test
    void idOrderIsNumeric_notTextual() {
        List<CategoryChange> changes = diff(List.of(),
                List.of(category(10, 1, 1, ""), category(9, 10, 1, ""), category(9, 2, 1, "")));

        assertEquals(List.of("9/2", "9/10", "10/1"),
                changes.stream().map(change -> change.first() + "/" + change.second()).toList());
    }

    @Test
    void aChangedReasonOnARejectedCategoryIsAChange_onOthersItIsNot() {
        assertEquals(Type.STATUS_CHANGED, diff(List.of(category(8, 39, 2, "模糊")),
                List.of(category(8, 39, 2, "过期"))).get(0).type());
        assertTrue(diff(List.of(category(8, 39, 3, "")), List.of(category(8, 39, 3, "备注"))).isEmpty());
    }

    @Test
    void applyingEveryChangeReachesTheCurrentSnapshot_andJsonRoundTrips() {
        CategorySnapshot before = CategorySnapshot.of(List.of(category(8, 39, 1, ""), category(1, 2, 3, "")));
        CategorySnapshot after = CategorySnapshot.of(List.of(category(8, 39, 2, "缺少资质"), category(5, 6, 1, "")));

        CategorySnapshot delivered = before;
        for (CategoryChange change : CategorySnapshot.diff("wxa", before, after, NOW)) {
            delivered = delivered.with(change);
        }

        assertEquals(after, delivered);
        assertEquals(after, CategorySnapshot.fromJson(after.toJson()));
        assertTrue(CategorySnapshot.diff("wxa", delivered, after, NOW).isEmpty());
    }
}
