package io.camelwechat.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated accounts by appid. Thread-safe. */
final class AccountRegistry {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AuditRules auditRules;

    AccountRegistry(AuditRules auditRules) {
        this.auditRules = auditRules;
    }

    /** Registers an account, or gives an existing one a new secret (its state is kept). */
    void register(String appId, String secret) {
        if (appId == null || appId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("appId and secret must not be blank");
        }
        accounts.compute(appId, (id, existing) -> {
            if (existing == null) {
                return new Account(id, secret, auditRules);
            }
            existing.secret(secret);
            return existing;
        });
    }

    /**
     * The account an authorizing third-party platform acts on, created without a secret if unknown (a
     * known account keeps its secret and state).
     */
    Account registerAuthorizer(String appId) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("authorizer appId must not be blank");
        }
        return accounts.computeIfAbsent(appId, id -> new Account(id, null, auditRules));
    }

    /** The account, or {@code null}. */
    Account find(String appId) {
        return appId == null ? null : accounts.get(appId);
    }

    /** The account for the Java control API: an unknown appid is a programming error there. */
    Account require(String appId) {
        Account account = find(appId);
        if (account == null) {
            throw new IllegalArgumentException("unknown account: " + appId);
        }
        return account;
    }
}
