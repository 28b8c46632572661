package io.camelwechat.component.wechat.internal.watcher;

import java.util.Optional;

import org.apache.camel.Route;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node leads a route that runs under Camel's {@code master:} component, asked of the cluster service
 * master: elects with (ZooKeeper, Kubernetes leases, a file lock).
 * <p>
 * Camel starts the watcher on the node it elects and stops it elsewhere. The watcher asks as well, before it polls
 * and before it delivers, because a cluster service can fail to tell a node that it lost the lead: Camel 4.18.0's
 * ZooKeeper view keeps running a node whose session expired (CAMEL-24457), and a watcher that polls without leading
 * delivers what the new leader delivers too.
 */
public final class ClusterLeadership {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeadership.class);
    private static final String MASTER = "master:";

    private final CamelClusterService service;
    private final String namespace;
    private final String route;
    private final String delegate;

    private ClusterLeadership(CamelClusterService service, String namespace, String route, String delegate) {
        this.service = service;
        this.namespace = namespace;
        this.route = route;
        this.delegate = delegate;
    }

    /**
     * The leadership of a route whose consumer is {@code master:<namespace>:<delegate uri>}, with the cluster service
     * master: itself finds (the only one of the context); empty for any other route.
     */
    public static Optional<ClusterLeadership> of(Route route) {
        String uri = route.getEndpoint().getEndpointUri();
        if (!uri.startsWith(MASTER)) {
            return Optional.empty();
        }
        String rest = uri.substring(MASTER.length());
        rest = rest.startsWith("//") ? rest.substring(2) : rest;
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String namespace = rest.substring(0, colon);
        String delegate = rest.substring(colon + 1);
        return ClusterServiceHelper.lookupService(route.getCamelContext())
                .map(service -> new ClusterLeadership(service, namespace, route.getId(), delegate));
    }

    /**
     * Whether the cluster service elected this node now. Only asked while master: holds the view (its route runs):
     * asking a released view would start it, which enters the election.
     *
     * @return false as well when the service cannot tell: a node that does not know it leads does not poll
     */
    public boolean leads() {
        try {
            CamelClusterView view = service.getView(namespace);
            try {
                return view.getLocalMember().isLeader();
            } finally {
                service.releaseView(view);
            }
        } catch (Exception e) {
            LOG.warn("Route {} on node {} cannot tell whether it leads namespace {}; it acts as if it did not: {}",
                    route, node(), namespace, e.getMessage());
            return false;
        }
    }

    /** This node's id in the cluster, as the cluster service names it. */
    public String node() {
        return service.getId();
    }

    public String namespace() {
        return namespace;
    }

    public String route() {
        return route;
    }

    /** The URI master: runs on the elected node, for example {@code wechat:category?appIds=...}. */
    public String delegate() {
        return delegate;
    }
}
