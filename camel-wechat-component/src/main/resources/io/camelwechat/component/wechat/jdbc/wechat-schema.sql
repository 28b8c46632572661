-- The tables of camel-wechat's shared state (component option dataSource). The component creates them when they
-- are missing (createTables=true, the default), with the table prefix of the tablePrefix option (wechat_ here).
-- For a schema you manage yourself, run this file with your prefix and set createTables=false.
-- Tested on PostgreSQL 14; written to run unchanged on MySQL 8 (InnoDB). Times are epoch milliseconds.

-- access tokens of every kind, one row per token source and account; a node fetches under this row's lock
CREATE TABLE IF NOT EXISTS wechat_access_token (
    token_key   VARCHAR(400)  NOT NULL PRIMARY KEY,
    token_value VARCHAR(1024),
    expires_at  BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL
);

-- the latest component_verify_ticket WeChat pushed to a third-party platform
CREATE TABLE IF NOT EXISTS wechat_verify_ticket (
    component_app_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    ticket           VARCHAR(1024) NOT NULL,
    updated_at       BIGINT        NOT NULL
);

-- the authorizer_refresh_token of each account that authorized a platform
CREATE TABLE IF NOT EXISTS wechat_authorizer_token (
    component_app_id  VARCHAR(64)   NOT NULL,
    authorizer_app_id VARCHAR(64)   NOT NULL,
    refresh_token     VARCHAR(1024) NOT NULL,
    updated_at        BIGINT        NOT NULL,
    PRIMARY KEY (component_app_id, authorizer_app_id)
);

-- what a category watcher last delivered, per watcher (repository) and account
CREATE TABLE IF NOT EXISTS wechat_watcher_state (
    repository  VARCHAR(200) NOT NULL,
    state_key   VARCHAR(200) NOT NULL,
    state_value TEXT         NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (repository, state_key)
);

-- nonces of pushes accepted within the timestamp window, for replay protection across nodes
CREATE TABLE IF NOT EXISTS wechat_push_nonce (
    nonce_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    expires_at BIGINT       NOT NULL
);
