package io.camelwechat.component.wechat.spi;

import java.util.Collection;

/**
 * The accounts the category audit watcher polls, asked again before every poll, so that a third-party platform
 * can watch the accounts that authorized it as they come and go.
 * <p>
 * Called once per poll, from the watcher's polling thread only (a push hint checks an account of the last poll's
 * list without asking again); one provider may serve several watchers, whose polls run at once, so it must be
 * thread-safe. Ids that are not appids are logged and skipped.
 */
@FunctionalInterface
public interface WeChatAccountsProvider {

    Collection<String> appIds();
}
