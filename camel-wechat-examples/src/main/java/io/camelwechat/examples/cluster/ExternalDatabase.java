package io.camelwechat.examples.cluster;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A database the user runs (WECHAT_DATABASE_URL), pooled as an application would pool it. */
final class ExternalDatabase implements ClusterInfrastructure {

    private final HikariDataSource pool;
    private final String url;

    ExternalDatabase(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("wechat-cluster-story");
        this.pool = new HikariDataSource(config);
        this.url = url;
    }

    @Override
    public DataSource database() {
        return pool;
    }

    @Override
    public String describe() {
        // the URL as given: a password belongs in WECHAT_DATABASE_PASSWORD, not in it
        return "the database at " + url.replaceAll("(?i)(password=)[^&;]*", "$1xxxxxx");
    }

    @Override
    public void close() {
        pool.close();
    }
}
