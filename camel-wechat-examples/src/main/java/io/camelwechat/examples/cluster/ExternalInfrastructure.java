package io.camelwechat.examples.cluster;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A PostgreSQL and a ZooKeeper the user runs (WECHAT_DATABASE_URL, WECHAT_ZOOKEEPER). */
final class ExternalInfrastructure implements ClusterInfrastructure {

    private final HikariDataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final String zooKeeper;

    ExternalInfrastructure(String url, String user, String password, String zooKeeper) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("wechat-cluster-story");
        this.pool = new HikariDataSource(config);
        this.url = url;
        this.user = user;
        this.password = password;
        this.zooKeeper = zooKeeper;
    }

    @Override
    public DataSource database() {
        return pool;
    }

    @Override
    public String databaseUrl() {
        return url;
    }

    @Override
    public String databaseUser() {
        return user;
    }

    @Override
    public String databasePassword() {
        return password;
    }

    @Override
    public String zooKeeper() {
        return zooKeeper;
    }

    @Override
    public String describe() {
        // the URL as given: a password belongs in WECHAT_DATABASE_PASSWORD, not in it
        return "the PostgreSQL at " + url.replaceAll("(?i)(password=)[^&;]*", "$1xxxxxx") + " and the ZooKeeper at "
               + zooKeeper;
    }

    @Override
    public void close() {
        pool.close();
    }
}
