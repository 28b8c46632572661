package io.camelwechat.component.wechat.consumer;

import java.util.Collection;

/**
 * The accounts the category audit watcher polls, asked again before every poll, so that a third-party platform
 * can watch the accounts that authorized it as they come and go.
 */
@FunctionalInterface
public interface WeChatAccountsProvider {

    Collection<String> appIds();
}
