package io.camelwechat.simulator;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The categories set on one account, their audits and the add quota (seeds 002, 003, 004;
 * codes from wechat-api-facts.md section 5). Audits are settled lazily from the clock on every access:
 * no background thread, so the outcome depends only on the simulator time.
 *
 * <p>Not thread-safe: {@link Account} serialises access.
 */
final class AccountCategories {

    /** Adds allowed per change cycle (getcategory's {@code limit}, seed 004). */
    static final int LIMIT = 5;
    /** Categories allowed on an account (getcategory's {@code category_limit}, seed 004). */
    static final int CATEGORY_LIMIT = 20;
    /** Guess: the change cycle is a calendar month in Beijing time (53300 reads "monthly limit"). */
    private static final ZoneOffset CYCLE_ZONE = ZoneOffset.ofHours(8);

    /** A category's mutable state. */
    private static final class Entry {
        final CategoryKey key;
        List<CertificateState> certificates;
        int status;
        String reason;
        Instant submittedAt;

        Entry(CategorySubmission submission, Instant now) {
            this.key = submission.key();
            submit(submission, now);
        }

        void submit(CategorySubmission submission, Instant now) {
            certificates = submission.certificates();
            status = CategoryState.UNDER_REVIEW;
            reason = "";
            submittedAt = now;
        }

        CategoryState toState() {
            return new CategoryState(key.first(), key.second(), status, reason, certificates);
        }
    }

    private final AuditRules rules;
    private final Map<CategoryKey, Entry> entries = new LinkedHashMap<>();
    private final Map<CategoryKey, AuditOutcome> overrides = new HashMap<>();
    private YearMonth cycle;
    private int addsInCycle;
    /** Audits ended since the last drain; {@code null} while nobody listens, so nothing piles up. */
    private List<AuditCompletion> completions;

    AccountCategories(AuditRules rules) {
        this.rules = rules;
    }

    /**
     * Adds categories atomically (all or none), each under review.
     *
     * @throws ApiError 53304 duplicate, 53301 over the category limit, 53300 over this cycle's quota
     */
    void add(List<CategorySubmission> submissions, Instant now) {
        settle(now);
        Set<CategoryKey> seen = new HashSet<>();
        for (CategorySubmission submission : submissions) {
            if (entries.containsKey(submission.key()) || !seen.add(submission.key())) {
                throw new ApiError(ErrorCode.CATEGORY_DUPLICATE);
            }
        }
        if (entries.size() + submissions.size() > CATEGORY_LIMIT) {
            throw new ApiError(ErrorCode.CATEGORY_TOTAL_LIMIT);
        }
        if (submissions.size() > quota(now)) {
            throw new ApiError(ErrorCode.CATEGORY_MONTHLY_LIMIT);
        }
        submissions.forEach(submission -> entries.put(submission.key(), new Entry(submission, now)));
        addsInCycle += submissions.size();
    }

    /**
     * Checks that a category may be modified now.
     *
     * @throws ApiError 53303 if it is not set on the account, 53307 if it is not rejected
     */
    void checkModifiable(CategoryKey key, Instant now) {
        settle(now);
        if (existing(key).status != CategoryState.REJECTED) {
            throw new ApiError(ErrorCode.CATEGORY_NOT_REJECTED);
        }
    }

    /** Replaces the certificates of a rejected category and starts a new audit. */
    void resubmit(CategorySubmission submission, Instant now) {
        checkModifiable(submission.key(), now);
        entries.get(submission.key()).submit(submission, now);
    }

    /**
     * Removes a category; the quota is not given back (it counts adds).
     *
     * @throws ApiError 53303 if it is not set on the account, 53308 while it is under review
     */
    void delete(CategoryKey key, Instant now) {
        settle(now);
        if (existing(key).status == CategoryState.UNDER_REVIEW) {
            throw new ApiError(ErrorCode.CATEGORY_IN_REVIEW);
        }
        entries.remove(key);
    }

    List<CategoryState> list(Instant now) {
        settle(now);
        return entries.values().stream().map(Entry::toState).toList();
    }

    /** Adds left in the current change cycle. */
    int quota(Instant now) {
        YearMonth current = YearMonth.from(now.atOffset(CYCLE_ZONE));
        if (!current.equals(cycle)) {
            cycle = current;
            addsInCycle = 0;
        }
        return LIMIT - addsInCycle;
    }

    /** Decides the outcome of this category's future audits, replacing the default rule. */
    void override(CategoryKey key, AuditOutcome outcome) {
        overrides.put(key, outcome);
    }

    /**
     * From now on, remembers every audit that ends until {@link #drainCompletions} takes it. Audits already
     * due are settled first, so they count as ended before (they are not reported).
     */
    void trackCompletions(Instant now) {
        settle(now);
        if (completions == null) {
            completions = new ArrayList<>();
        }
    }

    /** The audits ended since the last call (settled against {@code now} first); empty when not tracking. */
    List<AuditCompletion> drainCompletions(Instant now) {
        settle(now);
        if (completions == null || completions.isEmpty()) {
            return List.of();
        }
        List<AuditCompletion> drained = List.copyOf(completions);
        completions.clear();
        return drained;
    }

    private Entry existing(CategoryKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new ApiError(ErrorCode.CATEGORY_INVALID_PARAMS);
        }
        return entry;
    }

    /** Ends every audit whose delay has passed on the clock. */
    private void settle(Instant now) {
        for (Entry entry : entries.values()) {
            if (entry.status == CategoryState.UNDER_REVIEW && rules.isDue(entry.submittedAt, now)) {
                AuditOutcome outcome = rules.outcome(entry.key, entry.certificates, overrides.get(entry.key));
                entry.status = outcome.status();
                entry.reason = outcome.reason();
                if (completions != null) {
                    completions.add(new AuditCompletion(entry.key, entry.status, entry.reason,
                            rules.dueAt(entry.submittedAt)));
                }
            }
        }
    }
}
