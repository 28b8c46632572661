package io.camelwechat.component.wechat.internal.support;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The component's own worker pools: a fixed number of threads and an unbounded queue, so that work is never run on
 * the submitting thread. Camel's default profile (a queue of 1,000, then CallerRuns) would run a token refresh on a
 * caller's thread, a push's route on the HTTP thread before WeChat gets its answer, or a fetch on the polling thread
 * beyond pollConcurrency. What is queued is bounded by the work itself: one refresh per account, one fetch per
 * watched account, one exchange per accepted push.
 */
public final class WorkerPools {

    private WorkerPools() {
    }

    /**
     * @param idleThreadsStop whether threads stop when idle (for pools that are mostly idle)
     */
    public static ExecutorService newPool(CamelContext context, Object source, String name, int threads,
                                          boolean idleThreadsStop) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(Integer.MAX_VALUE); // Camel reads 0 and -1 as "no queue" (a SynchronousQueue)
        profile.setAllowCoreThreadTimeOut(idleThreadsStop);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return context.getExecutorServiceManager().newThreadPool(source, name, profile);
    }
}
