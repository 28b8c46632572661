package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.camelwechat.component.wechat.internal.engine.WeChatStatus;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider.TokenState;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.model.CategoryAuditStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code wechat} developer console, as Camel's own components have one: for every wechat component of the
 * context, per account the token's state (age, expiry, source; never the token) with its counters and the quota
 * circuit, the category watchers with their accounts' categories and audit states and their last poll, and the
 * push receivers' counters. As text and as JSON, for Hawtio, {@code camel get}-style tools and the examples' main
 * job. It reads what the components hold in memory and calls nobody; nothing in it is a secret.
 */
@DevConsole(name = "wechat", displayName = "WeChat",
            description = "WeChat accounts: tokens, quota circuits, category watchers, push receivers")
public class WeChatDevConsole extends AbstractDevConsole {

    public WeChatDevConsole() {
        super("camel", "wechat", "WeChat",
                "WeChat accounts: tokens, quota circuits, category watchers, push receivers");
    }

    /** The wechat components the context has created, by name, with what each shows now. */
    private Map<String, WeChatStatus> statuses() {
        CamelContext context = getCamelContext();
        Map<String, WeChatStatus> statuses = new TreeMap<>();
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) instanceof WeChatComponent component) {
                statuses.put(name, component.engine().status());
            }
        }
        return statuses;
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        statuses().forEach((name, status) -> {
            JsonObject component = new JsonObject();
            component.put("name", name);
            component.put("started", status.started());
            component.put("accounts", array(status.accounts(), WeChatDevConsole::json));
            component.put("watchers", array(status.watchers(), WeChatDevConsole::json));
            component.put("receivers", array(status.receivers(), WeChatDevConsole::json));
            components.add(component);
        });
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    private static <T> JsonArray array(List<T> values, Function<T, JsonObject> json) {
        JsonArray array = new JsonArray();
        values.forEach(value -> array.add(json.apply(value)));
        return array;
    }

    private static JsonObject json(WeChatStatus.Account account) {
        JsonObject json = new JsonObject();
        json.put("appId", account.appId());
        json.put("tokenSource", account.source());
        json.put("sharedThroughDatabase", account.shared());
        if (account.token() != null) {
            TokenState token = account.token();
            JsonObject state = new JsonObject();
            state.put("ageSeconds", token.age().toSeconds());
            state.put("expiresInSeconds", token.expiresIn().toSeconds());
            state.put("refreshInSeconds", token.refreshIn().toSeconds());
            json.put("token", state);
        }
        TokenStatistics.Snapshot counts = account.counters();
        JsonObject counters = new JsonObject();
        counters.put("hits", counts.hits());
        counters.put("fetches", counts.fetches());
        counters.put("backgroundRefreshes", counts.backgroundRefreshes());
        counters.put("refreshFailures", counts.refreshFailures());
        counters.put("invalidations", counts.invalidations());
        counters.put("forcedRefreshes", counts.forcedRefreshes());
        counters.put("tokenRetries", counts.tokenRetries());
        counters.put("busyRetries", counts.busyRetries());
        json.put("counters", counters);
        JsonObject circuit = new JsonObject();
        circuit.put("state", account.circuit() == null ? "closed" : "open");
        if (account.circuit() != null) {
            circuit.put("errcode", account.circuit().errcode());
            circuit.put("retryInSeconds", account.circuit().retryIn().toSeconds());
        }
        json.put("quotaCircuit", circuit);
        return json;
    }

    private static JsonObject json(WeChatStatus.Watcher watcher) {
        JsonObject json = new JsonObject();
        json.put("route", watcher.name());
        if (watcher.leading() != null) {
            json.put("leading", watcher.leading());
        }
        WeChatStatus.Poll poll = watcher.lastPoll();
        if (poll != null) {
            JsonObject last = new JsonObject();
            last.put("endedAt", poll.endedAt().toString());
            last.put("accountsPolled", poll.accountsPolled());
            last.put("changesEmitted", poll.changesEmitted());
            last.put("accountsFailing", poll.accountsFailing());
            json.put("lastPoll", last);
        }
        json.put("accounts", array(watcher.accounts(), account -> {
            JsonObject watched = new JsonObject();
            watched.put("appId", account.appId());
            if (account.failure() != null) {
                watched.put("failure", account.failure());
            }
            watched.put("categories", array(account.categories(), category -> {
                JsonObject entry = new JsonObject();
                entry.put("first", category.first());
                entry.put("second", category.second());
                entry.put("firstName", category.firstName());
                entry.put("secondName", category.secondName());
                entry.put("auditStatus", category.auditStatus());
                entry.put("audit", auditName(category.auditStatus()));
                entry.put("reason", category.reason());
                return entry;
            }));
            return watched;
        }));
        return json;
    }

    private static JsonObject json(WeChatStatus.Receiver receiver) {
        JsonObject json = new JsonObject();
        json.put("path", receiver.path());
        json.put("appId", receiver.appId());
        json.put("safeMode", receiver.safeMode());
        json.put("verifications", receiver.verifications());
        json.put("accepted", receiver.accepted());
        json.put("rejected", receiver.rejected());
        JsonObject byStatus = new JsonObject();
        receiver.rejectedByStatus().forEach((status, count) -> byStatus.put(String.valueOf(status), count));
        json.put("rejectedByStatus", byStatus);
        json.put("errors", receiver.errors());
        if (receiver.lastAcceptedAt() != null) {
            json.put("lastAcceptedAt", receiver.lastAcceptedAt().toString());
        }
        if (receiver.lastRejection() != null) {
            json.put("lastRejection", receiver.lastRejection());
        }
        return json;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        statuses().forEach((name, status) -> {
            text.append("WeChat component ").append(name).append(status.started() ? "" : " (stopped)").append('\n');
            text.append("  Accounts:").append(status.accounts().isEmpty() ? " none yet\n" : "\n");
            status.accounts().forEach(account -> text.append(line(account)));
            text.append("  Category watchers:").append(status.watchers().isEmpty() ? " none running\n" : "\n");
            status.watchers().forEach(watcher -> text.append(lines(watcher)));
            text.append("  Push receivers:").append(status.receivers().isEmpty() ? " none running\n" : "\n");
            status.receivers().forEach(receiver -> text.append(line(receiver)));
        });
        return text.length() == 0 ? "No wechat component in this context\n" : text.toString();
    }

    private static String line(WeChatStatus.Account account) {
        TokenState token = account.token();
        TokenStatistics.Snapshot counts = account.counters();
        return "    " + account.appId() + ": tokens " + account.source()
               + (account.shared() ? " (shared through the database)" : "")
               + (token == null ? ", none cached"
                       : ", token age " + duration(token.age()) + ", expires in " + duration(token.expiresIn())
                         + ", refresh in " + duration(token.refreshIn()))
               + "; hits " + counts.hits() + ", fetches " + counts.fetches() + ", background refreshes "
               + counts.backgroundRefreshes() + ", refresh failures " + counts.refreshFailures() + ", invalidations "
               + counts.invalidations() + ", forced refreshes " + counts.forcedRefreshes() + ", token retries "
               + counts.tokenRetries() + ", busy retries " + counts.busyRetries() + "; quota circuit "
               + (account.circuit() == null ? "closed"
                       : "open (errcode " + account.circuit().errcode() + ", next try in "
                         + duration(account.circuit().retryIn()) + ")")
               + '\n';
    }

    private static String lines(WeChatStatus.Watcher watcher) {
        StringBuilder text = new StringBuilder("    ").append(watcher.name());
        if (watcher.leading() != null) {
            text.append(watcher.leading() ? " (leads)" : " (standing down)");
        }
        WeChatStatus.Poll poll = watcher.lastPoll();
        text.append(poll == null ? ": not polled yet"
                : ": last poll ended " + poll.endedAt() + ", " + poll.accountsPolled() + " account(s) polled, "
                  + poll.changesEmitted() + " change(s) emitted, " + poll.accountsFailing() + " failing")
                .append('\n');
        for (WeChatStatus.WatchedAccount account : watcher.accounts()) {
            text.append("      ").append(account.appId())
                    .append(account.failure() == null ? "" : " (last poll failed: " + account.failure() + ")")
                    .append(account.categories().isEmpty() ? ": no categories" : "").append('\n');
            account.categories().forEach(category -> text.append("        ").append(category.first()).append('/')
                    .append(category.second()).append(' ').append(category.firstName()).append('/')
                    .append(category.secondName()).append(": ").append(auditName(category.auditStatus()))
                    .append(category.reason() == null || category.reason().isEmpty() ? ""
                            : " (" + category.reason() + ")")
                    .append('\n'));
        }
        return text.toString();
    }

    private static String line(WeChatStatus.Receiver receiver) {
        return "    " + receiver.path() + " for " + receiver.appId()
               + (receiver.safeMode() ? " (safe mode)" : " (plain mode)") + ": " + receiver.verifications()
               + " verification(s), " + receiver.accepted() + " accepted, " + receiver.rejected() + " rejected"
               + (receiver.rejectedByStatus().isEmpty() ? "" : " " + receiver.rejectedByStatus()) + ", "
               + receiver.errors() + " error(s)"
               + (receiver.lastAcceptedAt() == null ? "" : "; last accepted " + receiver.lastAcceptedAt())
               + (receiver.lastRejection() == null ? "" : "; last rejection: " + receiver.lastRejection()) + '\n';
    }

    private static String auditName(int auditStatus) {
        return CategoryAuditStatus.isDocumented(auditStatus) ? CategoryAuditStatus.fromCode(auditStatus).name()
                : "audit_status " + auditStatus;
    }

    /** To the second, as 1h49m0s: what a console reader compares with WeChat's 7200 s. */
    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return (seconds >= 3600 ? seconds / 3600 + "h" : "") + (seconds >= 60 ? seconds % 3600 / 60 + "m" : "")
               + seconds % 60 + "s";
    }
}
