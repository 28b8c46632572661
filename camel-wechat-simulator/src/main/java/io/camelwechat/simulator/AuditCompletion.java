package io.camelwechat.simulator;

import java.time.Instant;

/**
 * An audit that ended: what the {@code wxa_category_audit} push reports.
 *
 * @param key    the category
 * @param status 2 rejected or 3 approved (the push's {@code ret})
 * @param reason the rejection reason, empty when approved
 * @param at     when it ended on the simulator clock: submission plus the audit delay, whenever it was noticed
 */
record AuditCompletion(CategoryKey key, int status, String reason, Instant at) {
}
