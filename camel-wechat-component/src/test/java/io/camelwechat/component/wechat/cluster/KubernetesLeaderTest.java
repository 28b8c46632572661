package io.camelwechat.component.wechat.cluster;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * The watcher's leadership contract on Kubernetes Leases: camel-kubernetes' {@code KubernetesClusterService}, as
 * docs/many-nodes.md declares it, against fabric8's mock API server in CRUD mode on 127.0.0.1 (Leases and Pods
 * stored and versioned as the API server does, no cluster needed). The two nodes are two pods carrying the
 * cluster's label; the leader's pod is removed when it ends, as Kubernetes does, which frees its lease at once.
 */
class KubernetesLeaderTest extends WatcherLeadershipContract {

    private static final String NAMESPACE = "wechat";
    private static final Map<String, String> CLUSTER_LABELS = Map.of("app", "camel-wechat-audit");

    /** The mock server logs every request at INFO through java.util.logging; held so the level stays set. */
    private static final Logger MOCK_SERVER_LOG = quiet(Logger.getLogger("io.fabric8.mockwebserver"));

    private final KubernetesMockServer apiServer = startApiServer();
    private final List<KubernetesClient> clients = new ArrayList<>();

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private static KubernetesMockServer startApiServer() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(Collections.emptyList()), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the mock Kubernetes API server", e);
        }
        return server;
    }

    @Override
    CamelClusterService clusterService(String node) {
        try (KubernetesClient client = apiServer.createClient()) {
            // Camel counts as members the running pods that carry the cluster's labels: each node runs in one
            client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(node)
                    .withLabels(CLUSTER_LABELS).endMetadata().withNewStatus().withPhase("Running")
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build())
                    .create();
        }
        // in a pod the client configures itself from the service account; here it is given the mock server's
        KubernetesConfiguration connection = new KubernetesConfiguration();
        KubernetesClient client = apiServer.createClient();
        clients.add(client);
        connection.setKubernetesClient(client);
        KubernetesClusterService service = new KubernetesClusterService(connection);
        service.setId(node);
        service.setKubernetesNamespace(NAMESPACE);
        service.setKubernetesResourcesNamespace(NAMESPACE);
        service.setPodName(node);
        service.setClusterLabels(CLUSTER_LABELS);
        service.setLeaseResourceType(LeaseResourceType.Lease);
        // short enough for a quick test, long enough that a pause of the loaded CI machine does not move the lead
        service.setLeaseDurationMillis(4_000);
        service.setRenewDeadlineMillis(3_000);
        service.setRetryPeriodMillis(250);
        return service;
    }

    @Override
    void nodeEnded(String node) {
        try (KubernetesClient client = apiServer.createClient()) {
            client.pods().inNamespace(NAMESPACE).withName(node).delete();
        }
    }

    @Override
    void stopClusterInfrastructure() {
        clients.forEach(KubernetesClient::close);
        apiServer.destroy();
    }
}
