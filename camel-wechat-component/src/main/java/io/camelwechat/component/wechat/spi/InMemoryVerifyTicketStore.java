package io.camelwechat.component.wechat.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps verify tickets in memory: lost on restart (the next push, within 10 minutes, brings a new one). */
public final class InMemoryVerifyTicketStore implements VerifyTicketStore {

    private final Map<String, String> tickets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String componentAppId) {
        return Optional.ofNullable(tickets.get(componentAppId));
    }

    @Override
    public void save(String componentAppId, String ticket) {
        if (ticket != null && !ticket.isBlank()) {
            tickets.put(componentAppId, ticket);
        }
    }

    @Override
    public String toString() {
        return "InMemoryVerifyTicketStore" + tickets.keySet();
    }
}
