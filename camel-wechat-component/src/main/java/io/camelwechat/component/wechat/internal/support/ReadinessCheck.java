package io.camelwechat.component.wechat.internal.support;

import org.apache.camel.health.HealthCheck;

/** A readiness-only Camel health check in group {@code camel}: what the component's checks share. */
public abstract class ReadinessCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    protected ReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
