package io.camelwechat.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelwechat.component.wechat.model.CategoryChange;

/**
 * What the category audit watcher route reports: each change is printed as it arrives and queued, so that the
 * story can wait (bounded) for the ones it expects.
 */
public final class AuditWatcherLog {

    private final PrintStream out;
    private final BlockingQueue<CategoryChange> changes = new LinkedBlockingQueue<>();

    public AuditWatcherLog(PrintStream out) {
        this.out = out;
    }

    /** Called by the watcher route for each change. */
    public void report(CategoryChange change) {
        report("watcher", change);
    }

    /** @param reporter what the printed line starts with: the node whose watcher delivered the change, say */
    public void report(String reporter, CategoryChange change) {
        out.println("    " + reporter + ": " + change.firstName() + "/" + change.secondName() + " " + describe(change));
        changes.add(change);
    }

    public static String describe(CategoryChange change) {
        return switch (change.type()) {
            case ADDED -> "added, " + status(change.status(), change.reason());
            case REMOVED -> "removed";
            case STATUS_CHANGED -> status(change.previousStatus(), change.previousReason()) + " -> "
                                   + status(change.status(), change.reason());
        };
    }

    /** An audit status as the story prints it, for the watcher's lines and the category list alike. */
    static String status(Integer status, String reason) {
        if (status == null) {
            return "none";
        }
        return switch (status) {
            case 1 -> "under review";
            case 2 -> "rejected (" + reason + ")";
            case 3 -> "approved";
            default -> "status " + status;
        };
    }

    /** How many reported changes nobody has awaited yet. */
    public int pending() {
        return changes.size();
    }

    /** The next {@code count} changes, waiting at most {@code timeout} in all. */
    public List<CategoryChange> await(int count, Duration timeout) throws InterruptedException {
        List<CategoryChange> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            CategoryChange next = changes.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new IllegalStateException("the watcher reported " + received.size() + " of " + count
                                                + " expected changes within " + timeout.toSeconds() + " s");
            }
            received.add(next);
        }
        return received;
    }
}
