package io.camelwechat.component.wechat;

/**
 * The database that holds the component's shared state (option {@code dataSource}) could not be used: not
 * reachable, a statement failed, or a lock was not granted in time. Messages name the data source by its class and
 * JDBC URL, never its user or password.
 */
public class WeChatDatabaseException extends WeChatException {

    /**
     * @param what what the component was doing, for example "fetching the access token of wx123"
     */
    public WeChatDatabaseException(String what, String dataSource, Throwable cause) {
        super(null, "the wechat database (" + dataSource + ") could not be used " + what + ": "
                    + (cause == null ? "no detail" : cause.getMessage()), cause);
    }
}
