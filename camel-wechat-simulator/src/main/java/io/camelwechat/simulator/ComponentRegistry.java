package io.camelwechat.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated third-party platforms by component appid. Thread-safe. */
final class ComponentRegistry {

    private final Map<String, Component> components = new ConcurrentHashMap<>();
    private final RandomIds ids;

    ComponentRegistry(RandomIds ids) {
        this.ids = ids;
    }

    /** Registers a component, or gives an existing one a new secret (tickets and authorizations are kept). */
    void register(String componentAppId, String secret) {
        if (componentAppId == null || componentAppId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("componentAppId and secret must not be blank");
        }
        components.compute(componentAppId, (id, existing) -> {
            if (existing == null) {
                return new Component(id, secret, ids);
            }
            existing.secret(secret);
            return existing;
        });
    }

    /** The component, or {@code null}. */
    Component find(String componentAppId) {
        return componentAppId == null ? null : components.get(componentAppId);
    }

    /** The component for the Java control API: an unknown appid is a programming error there. */
    Component require(String componentAppId) {
        Component component = find(componentAppId);
        if (component == null) {
            throw new IllegalArgumentException("unknown component: " + componentAppId);
        }
        return component;
    }
}
