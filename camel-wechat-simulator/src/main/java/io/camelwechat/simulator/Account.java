package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * One simulated WeChat account: credentials, industry, categories and media. Every state change and read
 * holds the account's lock, so each request sees and leaves a consistent state (operations are atomic).
 *
 * <p>An account created by a third-party platform authorization has no secret ({@code null}) until one is
 * registered: it is reached through authorizer tokens only, and every secret check fails (40125).
 */
final class Account {

    private final String appId;
    private volatile String secret;
    private final AccountIndustry industry = new AccountIndustry();
    private final AccountCategories categories;
    private final MediaLibrary media = new MediaLibrary();

    Account(String appId, String secret, AuditRules rules) {
        this.appId = appId;
        this.secret = secret;
        this.categories = new AccountCategories(rules);
    }

    String appId() {
        return appId;
    }

    void secret(String newSecret) {
        this.secret = newSecret;
    }

    /** Constant-time comparison, as a credential check should be; always false without a secret. */
    boolean secretMatches(String candidate) {
        String current = secret;
        return current != null && MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void setIndustry(AccountIndustry.Selection selection, Instant now) {
        industry.set(selection, now);
    }

    synchronized AccountIndustry.Selection industry() {
        return industry.selection();
    }

    /** @throws ApiError 40007 for a certificate whose media_id is unknown, else see {@link AccountCategories#add} */
    synchronized void addCategories(List<CategorySubmission> submissions, Instant now) {
        submissions.forEach(submission -> requireKnownMedia(submission, now));
        categories.add(submissions, now);
    }

    /** @throws ApiError 53303 unknown, 53307 not rejected, 40007 unknown media_id */
    synchronized void modifyCategory(CategorySubmission submission, Instant now) {
        categories.checkModifiable(submission.key(), now);
        requireKnownMedia(submission, now);
        categories.resubmit(submission, now);
    }

    synchronized void deleteCategory(CategoryKey key, Instant now) {
        categories.delete(key, now);
    }

    /** The categories and the quota left, as getcategory reports them. */
    record CategoryListing(List<CategoryState> categories, int quota) {
    }

    synchronized CategoryListing categories(Instant now) {
        return new CategoryListing(categories.list(now), categories.quota(now));
    }

    synchronized void overrideAudit(CategoryKey key, AuditOutcome outcome) {
        categories.override(key, outcome);
    }

    /** See {@link AccountCategories#trackCompletions}: the account's audit results are pushed from now on. */
    synchronized void trackAuditCompletions(Instant now) {
        categories.trackCompletions(now);
    }

    /** The audits that ended since the last call, each reported once. */
    synchronized List<AuditCompletion> drainAuditCompletions(Instant now) {
        return categories.drainCompletions(now);
    }

    synchronized void addMedia(String mediaId, Instant now) {
        media.add(mediaId, now);
    }

    synchronized AccountState snapshot(Instant now) {
        AccountIndustry.Selection selection = industry.selection();
        return new AccountState(appId,
                selection == null ? null : selection.id1(),
                selection == null ? null : selection.id2(),
                categories.list(now), categories.quota(now), AccountCategories.LIMIT,
                AccountCategories.CATEGORY_LIMIT, media.ids(now));
    }

    private void requireKnownMedia(CategorySubmission submission, Instant now) {
        for (CertificateState certificate : submission.certificates()) {
            if (!media.contains(certificate.value(), now)) {
                throw new ApiError(ErrorCode.INVALID_MEDIA_ID);
            }
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Account[" + appId + "]";
    }
}
