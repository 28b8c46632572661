package io.camelwechat.component.wechat.spi;

import java.util.Optional;

/**
 * Where a third-party platform's component_verify_ticket is kept. WeChat pushes a new ticket every 10 minutes
 * (valid 12 hours); the push receiver saves it here and the token manager reads the latest when it needs a
 * component_access_token. A blank ticket is never saved, so a bad push cannot replace the last good ticket.
 * <p>
 * Implementations must be thread-safe: the push receiver's thread saves while token fetches on other threads
 * load. A load happens once per component token fetch (every two hours or so), not per call.
 */
public interface VerifyTicketStore {

    Optional<String> load(String componentAppId);

    void save(String componentAppId, String ticket);
}
