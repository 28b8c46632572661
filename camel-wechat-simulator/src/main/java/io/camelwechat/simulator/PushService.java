package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which pushes are due and delivers them: {@code wxa_category_audit} events of the accounts given a
 * callback, and a {@code component_verify_ticket} every 10 minutes to the components given one.
 *
 * <p>Nothing runs in the background. {@link #clockMoved} (from the clock listener) and
 * {@link #activity} (after every API request and state read) collect what became due under this object's
 * lock, then send it <b>outside every lock</b>: a receiver that calls the simulator back while handling a push
 * (typical for code under test) must not wait for a lock the push is holding. An audit result is taken from
 * its account exactly once, so it is pushed once, by whichever trigger comes first.
 *
 * <p>Retries (GUESS: WeChat's retry policy for these pushes is undocumented): a failed attempt is tried again
 * at each of the next clock moves, up to {@link #RETRIES} more times, then dropped. Retries wait for the clock
 * on purpose, so a test decides when they happen.
 *
 * <p>A stopped simulator sends nothing; what became due meanwhile goes out after the next start.
 */
final class PushService {

    static final int RETRIES = 3;
    static final Duration TICKET_INTERVAL = Duration.ofMinutes(10);

    /** The verify-ticket push of one component: where to, and the next slot on the 10-minute grid. */
    private static final class TicketSchedule {
        final PushTarget target;
        Instant next;

        TicketSchedule(PushTarget target, Instant next) {
            this.target = target;
            this.next = next;
        }
    }

    private final AccountRegistry accounts;
    private final ComponentRegistry components;
    private final PushSender sender;
    private final Map<String, PushTarget> auditTargets = new LinkedHashMap<>();
    private final Map<String, TicketSchedule> ticketSchedules = new LinkedHashMap<>();
    private final List<PendingPush> retries = new ArrayList<>();
    private final List<PushRecord> records = new ArrayList<>();
    private volatile boolean running;
    /** Set by the first target: until then every trigger returns at once, without taking the lock. */
    private volatile boolean anyTarget;

    PushService(AccountRegistry accounts, ComponentRegistry components, PushSender sender) {
        this.accounts = accounts;
        this.components = components;
        this.sender = sender;
    }

    /** Audit results of the account go to the target from now on (a new target replaces the old one). */
    synchronized void pushAudits(String appId, PushTarget target, Instant now) {
        accounts.require(appId).trackAuditCompletions(now);
        auditTargets.put(appId, target);
        anyTarget = true;
    }

    /**
     * Verify tickets of the component go to the target from now on: the first one at once (GUESS: like after
     * {@code api_start_push_ticket}; the docs only say "every 10 minutes"), then every 10 minutes. A new
     * target for the same component keeps the 10-minute grid.
     */
    synchronized void pushTickets(String componentAppId, PushTarget target, Instant now) {
        components.require(componentAppId);
        TicketSchedule existing = ticketSchedules.get(componentAppId);
        ticketSchedules.put(componentAppId, new TicketSchedule(target, existing != null ? existing.next : now));
        anyTarget = true;
    }

    void start() {
        running = true;
    }

    void stop() {
        running = false;
    }

    /** The clock moved: new pushes and the retries of failed ones. */
    void clockMoved(Instant now) {
        if (!anyTarget) {
            return;
        }
        deliver(collect(now, true), now);
    }

    /** A request or state read may have settled audits: their pushes (no retries, those wait for the clock). */
    void activity(Instant now) {
        if (!anyTarget) {
            return;
        }
        deliver(collect(now, false), now);
    }

    synchronized List<PushRecord> records() {
        return List.copyOf(records);
    }

    synchronized void clearRecords() {
        records.clear();
    }

    private synchronized List<PendingPush> collect(Instant now, boolean withRetries) {
        if (!running) {
            return List.of();
        }
        List<PendingPush> due = new ArrayList<>();
        if (withRetries) {
            due.addAll(retries);
            retries.clear();
        }
        // Lock order is always this, then an account or component: neither ever calls back into this class.
        auditTargets.forEach((appId, target) -> {
            for (AuditCompletion audit : accounts.require(appId).drainAuditCompletions(now)) {
                due.add(new PendingPush(target, PushXml.CATEGORY_AUDIT, PushXml.categoryAudit(appId, audit), 1));
            }
        });
        ticketSchedules.forEach((componentAppId, schedule) -> {
            // one push per slot passed, in order: a long clock jump catches up like the real 10-minute pushes
            while (!schedule.next.isAfter(now)) {
                String ticket = components.require(componentAppId).issueTicket(schedule.next);
                due.add(new PendingPush(schedule.target, PushXml.VERIFY_TICKET,
                        PushXml.verifyTicket(componentAppId, ticket, schedule.next), 1));
                schedule.next = schedule.next.plus(TICKET_INTERVAL);
            }
        });
        return due;
    }

    private void deliver(List<PendingPush> due, Instant now) {
        for (PendingPush push : due) {
            PushRecord record = sender.send(push, now); // no lock held here
            synchronized (this) {
                records.add(record);
                if (!record.delivered() && push.attempt() <= RETRIES) {
                    retries.add(push.next());
                }
            }
        }
    }
}
