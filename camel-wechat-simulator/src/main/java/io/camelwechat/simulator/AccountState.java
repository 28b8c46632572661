package io.camelwechat.simulator;

import java.util.List;
import java.util.Set;

/**
 * A read-only snapshot of one account's state, taken after pending audits were settled against the clock.
 *
 * @param appId         the account's appid
 * @param industryId1   the primary industry id, or {@code null} if never set
 * @param industryId2   the secondary industry id, or {@code null} if never set
 * @param categories    the categories set on the account, in the order they were added
 * @param quota         category adds left in the current change cycle
 * @param limit         category adds allowed per change cycle
 * @param categoryLimit the maximum number of categories on the account
 * @param mediaIds      the media_ids known for the account and not yet expired
 */
public record AccountState(String appId, Integer industryId1, Integer industryId2, List<CategoryState> categories,
                           int quota, int limit, int categoryLimit, Set<String> mediaIds) {

    public AccountState {
        categories = List.copyOf(categories);
        mediaIds = Set.copyOf(mediaIds);
    }

    /** The category with these ids, or {@code null}. */
    public CategoryState category(int first, int second) {
        return categories.stream().filter(c -> c.first() == first && c.second() == second).findFirst().orElse(null);
    }
}
