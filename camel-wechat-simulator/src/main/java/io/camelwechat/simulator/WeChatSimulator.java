package io.camelwechat.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * An embeddable WeChat server API simulator: a loopback HTTP server that behaves like
 * {@code https://api.weixin.qq.com} for access tokens (classic and stable), the third-party platform token
 * chain (verify ticket, component token, authorizer tokens), template industry, mini-program categories with
 * audits, and temporary media upload (image, voice, video, thumb), plus this Java control API and the
 * {@code /__sim/} HTTP control paths. It also sends WeChat's signed, encrypted pushes (category audit results, verify tickets) to callback URLs:
 * see {@link #pushTo} and {@link #pushVerifyTicketsTo}.
 *
 * <pre>{@code
 * try (WeChatSimulator sim = WeChatSimulator.builder()
 *         .account("wx1234567890abcdef", "secret")
 *         .build()
 *         .start()) {
 *     String baseUrl = sim.baseUrl(); // use instead of https://api.weixin.qq.com
 *     sim.clock().advance(Duration.ofMinutes(10)); // audits end, tokens age
 * }
 * }</pre>
 *
 * <p>Time is the {@link SimulatorClock}, by default a frozen one that only moves when moved: nothing happens on
 * its own (no background threads); token expiry, audits and quota cycles are evaluated from the clock
 * whenever a request or a state read needs them, so tests are deterministic. Pushes are sent synchronously,
 * while the clock moves or right after the request or read that noticed them. On a ticking clock
 * ({@link SimulatorClock#system()}, as the standalone {@link Main} uses) one daemon thread also looks for due
 * pushes once a second. Thread-safe: requests are served concurrently and the control API may
 * be used from any thread at the same time.
 */
public final class WeChatSimulator implements AutoCloseable {

    /** Paths under this prefix control the simulator; they are never recorded, counted or faulted. */
    public static final String CONTROL_PREFIX = "/__sim/";

    static final String COMPONENT_TOKEN_PATH = "/cgi-bin/component/api_component_token";
    static final String AUTHORIZER_TOKEN_PATH = "/cgi-bin/component/api_authorizer_token";

    private final int requestedPort;
    private final int threads;
    private final SimulatorClock clock;
    private final AccountRegistry accounts;
    private final ComponentRegistry components;
    private final TokenService tokens;
    private final Faults faults;
    private final RequestLog requestLog;
    private final ApiDispatcher api;
    private final ControlApi control;
    private final PushService pushes;
    private final Runnable clockListener;
    private final int imageSizeLimit;
    private volatile boolean liveIndustryNames;
    private SimulatorHttpServer server;
    private ClockTicker ticker;

    private WeChatSimulator(Builder builder) {
        RandomIds ids = new RandomIds(builder.random != null ? builder.random : new Random(1));
        CategoryTree tree = CategoryTree.standard();
        builder.extraCategories.forEach(extra -> extra.accept(tree));
        this.requestedPort = builder.port;
        this.threads = builder.threads;
        this.clock = builder.clock != null ? builder.clock : new SimulatorClock(Instant.now());
        this.accounts = new AccountRegistry(new AuditRules(builder.auditDelay, tree, builder.auditRule));
        this.components = new ComponentRegistry(ids);
        this.tokens = new TokenService(ids, builder.tokenLifetime);
        ErrorAnswers errors = new ErrorAnswers(ids);
        this.faults = new Faults(ids, errors);
        this.requestLog = new RequestLog(builder.requestLogLimit);
        this.liveIndustryNames = builder.liveIndustryNames;
        this.imageSizeLimit = builder.imageSizeLimit;
        this.api = new ApiDispatcher(routes(ids, tree), tokens, accounts, faults, requestLog, errors);
        this.control = new ControlApi(this);
        this.pushes = new PushService(accounts, components, new PushSender(ids));
        this.clockListener = () -> pushes.clockMoved(clock.now());
        builder.accounts.forEach(accounts::register);
        builder.components.forEach(components::register);
    }

    /** The WeChat API table: path, method, operation. */
    private List<Route> routes(RandomIds ids, CategoryTree tree) {
        TokenEndpoints tokenEndpoints = new TokenEndpoints(tokens, accounts, components, faults);
        ComponentEndpoints componentEndpoints = new ComponentEndpoints(tokens, components, faults);
        IndustryApi industry = new IndustryApi(() -> liveIndustryNames);
        CategoryApi categories = new CategoryApi(tree);
        MediaApi media = new MediaApi(ids, imageSizeLimit);
        return List.of(
                Route.token("/cgi-bin/token", Route.GET, tokenEndpoints::classic),
                Route.token("/cgi-bin/stable_token", Route.POST, tokenEndpoints::stable),
                Route.token(COMPONENT_TOKEN_PATH, Route.POST, componentEndpoints::componentToken),
                Route.token(AUTHORIZER_TOKEN_PATH, Route.POST, componentEndpoints::authorizerToken),
                Route.post("/cgi-bin/template/api_set_industry", industry::set),
                Route.get("/cgi-bin/template/get_industry", industry::get),
                Route.post("/cgi-bin/wxopen/addcategory", categories::add),
                Route.post("/cgi-bin/wxopen/modifycategory", categories::modify),
                Route.post("/cgi-bin/wxopen/deletecategory", categories::delete),
                Route.get("/cgi-bin/wxopen/getcategory", categories::list),
                Route.get("/cgi-bin/wxopen/getallcategories", categories::all),
                Route.post("/cgi-bin/media/upload", media::upload));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 and starts serving; pushes configured before are sent from now on (those already due at
     * once).
     *
     * @return this simulator
     * @throws IllegalStateException if already started
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public WeChatSimulator start() {
        synchronized (this) {
            if (server != null) {
                throw new IllegalStateException("simulator already started");
            }
            try {
                server = new SimulatorHttpServer(requestedPort, threads, clock, this::handle);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
            }
            pushes.start();
            clock.addListener(clockListener);
            ticker = ClockTicker.startFor(clock, clockListener);
        }
        pushes.activity(clock.now()); // outside the lock: a receiver may call port() while handling the push
        return this;
    }

    /**
     * Stops serving and pushing at once; a no-op when not running. The state and the push records stay
     * readable; the clock is no longer listened to.
     */
    public synchronized void stop() {
        if (server != null) {
            clock.removeListener(clockListener);
            if (ticker != null) {
                ticker.stop();
                ticker = null;
            }
            pushes.stop();
            server.stop();
            server = null;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash; use it in place of the WeChat host. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The bound port. @throws IllegalStateException when not started */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.port();
    }

    public SimulatorClock clock() {
        return clock;
    }

    /** Registers an account; for an existing appid only the secret changes (its state is kept). */
    public WeChatSimulator addAccount(String appId, String secret) {
        accounts.register(appId, secret);
        return this;
    }

    /**
     * A snapshot of an account's state, with audits settled against the clock first. Accounts created by
     * {@link #authorize(String, String)} are included.
     *
     * @throws IllegalArgumentException for an unknown appid
     */
    public AccountState account(String appId) {
        Instant now = clock.now();
        AccountState state = accounts.require(appId).snapshot(now);
        pushes.activity(now); // the read may have ended audits: push them before answering
        return state;
    }

    /**
     * The stable token a normal-mode {@code /cgi-bin/stable_token} call would return now (issuing one if
     * none is valid), without recording a request.
     */
    public String stableToken(String appId) {
        accounts.require(appId);
        return tokens.stable(appId, false, clock.now()).value();
    }

    /**
     * Registers a third-party platform (open platform component); for an existing component appid only the
     * secret changes (its tickets and authorizations are kept). Components and accounts are separate: a
     * component appid is not an account.
     */
    public WeChatSimulator addComponent(String componentAppId, String componentAppSecret) {
        components.register(componentAppId, componentAppSecret);
        return this;
    }

    /**
     * Issues a new component_verify_ticket, as WeChat pushes one every 10 minutes (nothing is pushed over
     * HTTP; hand the value to the code under test, or see {@link #pushVerifyTicketsTo}). It is valid 12 hours
     * of simulator time; earlier tickets stay valid until their own expiry.
     *
     * @throws IllegalArgumentException for an unknown component appid
     */
    public String issueVerifyTicket(String componentAppId) {
        return components.require(componentAppId).issueTicket(clock.now());
    }

    /**
     * The account authorizes the component, as after the authorization page: the account is created (without
     * a secret) if unknown. Authorizing again invalidates the earlier refresh tokens at once.
     *
     * @return the initial authorizer_refresh_token
     * @throws IllegalArgumentException for an unknown component appid
     */
    public String authorize(String componentAppId, String authorizerAppId) {
        Component component = components.require(componentAppId);
        accounts.registerAuthorizer(authorizerAppId);
        return component.authorize(authorizerAppId, clock.now());
    }

    /**
     * The account cancels its authorization: all its refresh tokens answer 61023 from now on, and the
     * authorizer_access_tokens issued through this component stop working (40001). A no-op if already revoked.
     *
     * @throws IllegalArgumentException for an unknown component, or an account that never authorized it
     */
    public WeChatSimulator revokeAuthorization(String componentAppId, String authorizerAppId) {
        if (!components.require(componentAppId).revoke(authorizerAppId, clock.now())) {
            throw new IllegalArgumentException(authorizerAppId + " never authorized component " + componentAppId);
        }
        return this;
    }

    /**
     * The newest authorizer_refresh_token: the one the authorization answered, or with
     * {@link Faults#rotateAuthorizerRefreshTokens rotation} on the one the last refresh answered; {@code null}
     * after a revocation.
     *
     * @throws IllegalArgumentException for an unknown component, or an account that never authorized it
     */
    public String currentAuthorizerRefreshToken(String componentAppId, String authorizerAppId) {
        return components.require(componentAppId).currentRefreshToken(authorizerAppId);
    }

    /** Makes a media_id known to the account, as if uploaded now (it expires after 3 days). */
    public WeChatSimulator registerMedia(String appId, String mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        accounts.require(appId).addMedia(mediaId, clock.now());
        return this;
    }

    /**
     * Decides how audits of one category of the account end from now on, replacing the default rule:
     * {@code null} approves (status 3), any other text rejects (status 2) with that reason.
     */
    public WeChatSimulator setAuditOutcome(String appId, int first, int second, String rejectReasonOrNullForApprove) {
        AuditOutcome outcome = rejectReasonOrNullForApprove == null
                ? AuditOutcome.APPROVE : AuditOutcome.reject(rejectReasonOrNullForApprove);
        accounts.require(appId).overrideAudit(new CategoryKey(first, second), outcome);
        return this;
    }

    /**
     * From now on, each category audit of the account that ends (status 2 or 3) is pushed to
     * {@code callbackUrl} as a signed, encrypted {@code wxa_category_audit} event (safe mode), once. Audits
     * that ended before are not pushed. Pushes go out synchronously while the clock moves, or after the
     * request or state read that noticed the audit, whichever comes first; failed ones are retried at the
     * next 3 clock moves. Calling it again for the account replaces the target.
     *
     * @param token          the push token configured for the callback (for {@code signature} and
     *                       {@code msg_signature})
     * @param encodingAesKey the 43-character EncodingAESKey
     * @throws IllegalArgumentException for an unknown appid, a URL that is not http(s), a blank token or a key
     *                                  that is not 43 Base64 characters
     */
    public WeChatSimulator pushTo(String appId, String callbackUrl, String token, String encodingAesKey) {
        accounts.require(appId);
        PushTarget target = target(callbackUrl, token, encodingAesKey, appId, "ToUserName",
                PushXml.originalId(appId));
        pushes.pushAudits(appId, target, clock.now());
        pushes.activity(clock.now());
        return this;
    }

    /**
     * From now on, a new component_verify_ticket (as {@link #issueVerifyTicket} issues them) is pushed to
     * {@code callbackUrl} at once and then every 10 minutes of simulator time, signed and encrypted for the
     * component appid. A long clock jump sends one push per 10 minutes crossed. Calling it again replaces
     * the target and keeps the 10-minute grid.
     *
     * @throws IllegalArgumentException for an unknown component, a URL that is not http(s), a blank token or
     *                                  a key that is not 43 Base64 characters
     */
    public WeChatSimulator pushVerifyTicketsTo(String componentAppId, String callbackUrl, String token,
                                               String encodingAesKey) {
        components.require(componentAppId);
        PushTarget target = target(callbackUrl, token, encodingAesKey, componentAppId, "AppId", componentAppId);
        pushes.pushTickets(componentAppId, target, clock.now());
        pushes.activity(clock.now());
        return this;
    }

    /** Every push attempt so far, in order (retries included). */
    public List<PushRecord> pushes() {
        return pushes.records();
    }

    /** Forgets the push records (the targets and pending retries stay). */
    public void clearPushes() {
        pushes.clearRecords();
    }

    private static PushTarget target(String callbackUrl, String token, String encodingAesKey, String receiveId,
                                     String outerName, String outerValue) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(callbackUrl, "callbackUrl"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("callbackUrl is not a URI: " + callbackUrl, e);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("callbackUrl must be an absolute http(s) URL: " + callbackUrl);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        new PushCrypto(encodingAesKey); // validates the key now rather than at the first push
        return new PushTarget(callbackUrl, token, encodingAesKey, receiveId, outerName, outerValue);
    }

    /** Requests to WeChat paths in arrival order (at most the most recent {@code requestLogLimit}). */
    public List<RecordedRequest> requests() {
        return requestLog.requests();
    }

    /** How many requests reached this path, e.g. {@code "/cgi-bin/wxopen/getcategory"}. */
    public int requestCount(String path) {
        return requestLog.count(path);
    }

    /** How many requests reached WeChat paths (control paths excluded). */
    public int totalRequests() {
        return requestLog.total();
    }

    /** The per-path counters, sorted by path. */
    public Map<String, Integer> requestCounts() {
        return requestLog.counts();
    }

    /** Empties the request log and resets all counters. */
    public void clearRequests() {
        requestLog.clear();
    }

    public Faults faults() {
        return faults;
    }

    /** Answers getIndustry with the names seen on the live service instead of the documented table. */
    public WeChatSimulator liveIndustryNames(boolean live) {
        this.liveIndustryNames = live;
        return this;
    }

    public boolean liveIndustryNames() {
        return liveIndustryNames;
    }

    private SimResponse handle(RecordedRequest request) {
        boolean controlPath = request.path().startsWith(CONTROL_PREFIX)
                || request.path().equals(CONTROL_PREFIX.substring(0, CONTROL_PREFIX.length() - 1));
        if (controlPath) {
            return control.handle(request);
        }
        SimResponse response = api.handle(request);
        // The request may have ended audits: push them before answering, so a client that sees status 2/3
        // also finds the push delivered. No simulator lock is held here.
        pushes.activity(clock.now());
        return response;
    }

    /** Configures a {@link WeChatSimulator}; every setting has a default. */
    public static final class Builder {
        /** Request threads unless {@link #threads(int)} says otherwise. */
        public static final int DEFAULT_THREADS = 32;
        /** The image upload limit of WeChat's current upload page, 10 MB: the default. */
        public static final int IMAGE_SIZE_LIMIT_CURRENT = MediaApi.IMAGE_LIMIT_CURRENT_PAGE;
        /** The image upload limit of older pages and of the current page's notes, 2 MB. */
        public static final int IMAGE_SIZE_LIMIT_OLDER = MediaApi.IMAGE_LIMIT_OLDER_PAGES;

        private int port;
        private SimulatorClock clock;
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private final Map<String, String> components = new LinkedHashMap<>();
        private Duration auditDelay = Duration.ofMinutes(10);
        private AuditRule auditRule = AuditRule.QUALIFICATIONS;
        private Duration tokenLifetime = TokenService.LIFETIME;
        private Random random;
        private boolean liveIndustryNames;
        private int requestLogLimit = 10_000;
        private int threads = DEFAULT_THREADS;
        private int imageSizeLimit = IMAGE_SIZE_LIMIT_CURRENT;
        private final List<Consumer<CategoryTree>> extraCategories = new ArrayList<>();
        /** The tree the extra categories make, built as they come so that a clash fails at once. */
        private final CategoryTree categoryCheck = CategoryTree.standard();

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The clock; default a new frozen {@link SimulatorClock} at {@link Instant#now()}, which only moves when
         * moved. {@link SimulatorClock#system()} runs on the wall clock instead.
         */
        public Builder clock(SimulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Registers an account; repeatable. */
        public Builder account(String appId, String secret) {
            if (appId == null || appId.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("appId and secret must not be blank");
            }
            accounts.put(appId, secret);
            return this;
        }

        /** Registers a third-party platform (component); repeatable. */
        public Builder component(String componentAppId, String componentAppSecret) {
            if (componentAppId == null || componentAppId.isBlank()
                    || componentAppSecret == null || componentAppSecret.isBlank()) {
                throw new IllegalArgumentException("componentAppId and componentAppSecret must not be blank");
            }
            components.put(componentAppId, componentAppSecret);
            return this;
        }

        /** Simulator time from a category's submission to its audit result; default 10 minutes. */
        public Builder auditDelay(Duration auditDelay) {
            if (auditDelay == null || auditDelay.isNegative()) {
                throw new IllegalArgumentException("auditDelay must be zero or positive: " + auditDelay);
            }
            this.auditDelay = auditDelay;
            return this;
        }

        /**
         * How audits end unless {@link WeChatSimulator#setAuditOutcome} says otherwise for a category; default
         * {@link AuditRule#QUALIFICATIONS}.
         */
        public Builder auditRule(AuditRule rule) {
            this.auditRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * How long every token lives ({@code expires_in}): access tokens (classic, stable, authorizer) and
         * component tokens; default WeChat's 7200 s. Shorter lifetimes rehearse expiry and refresh quickly; the
         * stable pre-rotation window keeps WeChat's proportion (300 s of 7200 s).
         */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("tokenLifetime must be at least 1 second: " + lifetime);
            }
            this.tokenLifetime = Duration.ofSeconds(lifetime.getSeconds());
            return this;
        }

        /** The source of tokens, media_ids, busy-rate draws and push nonces; default {@code new Random(1)}. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** See {@link WeChatSimulator#liveIndustryNames(boolean)}; default false. */
        public Builder liveIndustryNames(boolean live) {
            this.liveIndustryNames = live;
            return this;
        }

        /** How many recent requests the log keeps (counters are unaffected); default 10,000. */
        public Builder requestLogLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("requestLogLimit must not be negative: " + limit);
            }
            this.requestLogLimit = limit;
            return this;
        }

        /**
         * How many requests are served at once (the request thread pool); default {@value #DEFAULT_THREADS}.
         * Raise it when a test sends more concurrent requests than that with {@code faults().latency(...)} set,
         * or the latency queues behind the pool.
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be 1..1024: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * The largest image {@code media/upload?type=image} accepts, in bytes; larger ones answer 40009. WeChat's
         * upload page says both 10 MB and 2 MB: the default is {@link #IMAGE_SIZE_LIMIT_CURRENT} (10 MB); pass
         * {@link #IMAGE_SIZE_LIMIT_OLDER} (2 MB) to rehearse the stricter reading.
         */
        public Builder imageSizeLimit(int bytes) {
            if (bytes < 1 || bytes > IMAGE_SIZE_LIMIT_CURRENT) {
                throw new IllegalArgumentException("imageSizeLimit must be 1.." + IMAGE_SIZE_LIMIT_CURRENT + ": "
                        + bytes);
            }
            this.imageSizeLimit = bytes;
            return this;
        }

        /**
         * Adds a settable category to getallcategories and to what addcategory accepts, next to WeChat's
         * documented example (1/2, 1/5, 1/556, 1/558, 1/1033, 8/37, 8/39, 8/580, 42/43, 402/920); repeatable.
         * Use ids WeChat has, so that code written against the simulator works on WeChat. Non-empty
         * {@code qualifications} make the category sensitive: the default audit rule rejects it without a
         * certificate.
         *
         * @throws IllegalArgumentException for ids that are not positive or clash with the tree (a first-level
         *                                  id under another name, a second-level id already known), blank names
         */
        public Builder settableCategory(int first, String firstName, int second, String secondName,
                                        String... qualifications) {
            categoryCheck.add(first, firstName, second, secondName, qualifications);
            String[] copy = qualifications.clone();
            extraCategories.add(tree -> tree.add(first, firstName, second, secondName, copy));
            return this;
        }

        /** A simulator with these settings, not yet started. */
        public WeChatSimulator build() {
            return new WeChatSimulator(this);
        }
    }
}
