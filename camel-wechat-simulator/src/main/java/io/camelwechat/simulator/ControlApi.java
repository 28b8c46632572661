package io.camelwechat.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /__sim/} HTTP control paths: the Java control API of {@link WeChatSimulator} over HTTP, JSON
 * in and out, for tests and tools that are not written in Java. Bad input answers HTTP 400
 * {@code {"error":".."}}; an unknown path 404; a known path with the wrong method 405.
 */
final class ControlApi {

    private static final String ACCOUNTS = WeChatSimulator.CONTROL_PREFIX + "accounts";

    private final WeChatSimulator simulator;
    private final ComponentControlPaths components;
    private final Map<String, Function<RecordedRequest, SimResponse>> getRoutes;
    private final Map<String, Function<RecordedRequest, SimResponse>> postRoutes;

    ControlApi(WeChatSimulator simulator) {
        this.simulator = simulator;
        this.components = new ComponentControlPaths(simulator);
        String p = WeChatSimulator.CONTROL_PREFIX;
        this.getRoutes = Map.of(
                p + "requests", request -> requests(),
                p + "counters", request -> counters(),
                p + "clock", request -> clock());
        this.postRoutes = Map.of(
                p + "reset", this::reset,
                p + "clock/advance", this::advanceClock,
                ACCOUNTS, this::addAccount,
                p + "faults", this::faults,
                p + "media", this::registerMedia,
                p + "audit-outcome", this::auditOutcome);
    }

    SimResponse handle(RecordedRequest request) {
        try {
            return route(request);
        } catch (IllegalArgumentException e) {
            ObjectNode error = Json.object().put("error", String.valueOf(e.getMessage()));
            return SimResponse.json(400, error);
        }
    }

    private SimResponse route(RecordedRequest request) {
        String path = request.path();
        boolean get = Route.GET.equals(request.method());
        boolean post = Route.POST.equals(request.method());
        if (ComponentControlPaths.matches(path)) {
            return components.handle(request);
        }
        if (path.startsWith(ACCOUNTS + "/")) {
            return get ? accountState(path.substring(ACCOUNTS.length() + 1)) : methodNotAllowed();
        }
        Function<RecordedRequest, SimResponse> getRoute = getRoutes.get(path);
        Function<RecordedRequest, SimResponse> postRoute = postRoutes.get(path);
        if (getRoute == null && postRoute == null) {
            return SimResponse.text(404, "no such control path: " + path);
        }
        Function<RecordedRequest, SimResponse> route = get ? getRoute : post ? postRoute : null;
        return route == null ? methodNotAllowed() : route.apply(request);
    }

    private SimResponse requests() {
        ArrayNode list = Json.array();
        for (RecordedRequest request : simulator.requests()) {
            ObjectNode json = list.addObject();
            json.put("method", request.method());
            json.put("path", request.path());
            ObjectNode query = json.putObject("query");
            request.query().forEach(query::put);
            ObjectNode headers = json.putObject("headers");
            request.headers().forEach((name, values) -> values.forEach(headers.putArray(name)::add));
            json.put("contentType", request.contentType());
            json.put("bodyText", request.bodyText());
            json.put("bodyLength", request.rawBody().length);
            json.put("at", request.at().toString());
        }
        return SimResponse.json(list);
    }

    private SimResponse counters() {
        ObjectNode json = Json.object();
        json.put("total", simulator.totalRequests());
        ObjectNode paths = json.putObject("paths");
        simulator.requestCounts().forEach(paths::put);
        return SimResponse.json(json);
    }

    private SimResponse reset(RecordedRequest request) {
        simulator.clearRequests();
        return done();
    }

    private SimResponse clock() {
        SimulatorClock clock = simulator.clock();
        return SimResponse.json(Json.object().put("now", clock.now().toString()).put("ticking", clock.ticks()));
    }

    private SimResponse advanceClock(RecordedRequest request) {
        long seconds = Long.parseLong(required(request, "seconds"));
        simulator.clock().advance(Duration.ofSeconds(seconds));
        return clock();
    }

    private SimResponse addAccount(RecordedRequest request) {
        simulator.addAccount(required(request, "appid"), required(request, "secret"));
        return done();
    }

    private SimResponse registerMedia(RecordedRequest request) {
        simulator.registerMedia(required(request, "appid"), required(request, "media_id"));
        return done();
    }

    private SimResponse auditOutcome(RecordedRequest request) {
        simulator.setAuditOutcome(required(request, "appid"), Integer.parseInt(required(request, "first")),
                Integer.parseInt(required(request, "second")), request.queryParam("reject_reason"));
        return done();
    }

    private SimResponse accountState(String appId) {
        AccountState state;
        try {
            state = simulator.account(appId);
        } catch (IllegalArgumentException unknown) {
            return SimResponse.text(404, "no such account: " + appId);
        }
        ObjectNode json = Json.object();
        json.put("appid", state.appId());
        json.put("industry_id1", state.industryId1());
        json.put("industry_id2", state.industryId2());
        ArrayNode categories = json.putArray("categories");
        for (CategoryState category : state.categories()) {
            ObjectNode item = categories.addObject()
                    .put("first", category.first())
                    .put("second", category.second())
                    .put("audit_status", category.auditStatus())
                    .put("audit_reason", category.auditReason());
            ArrayNode certificates = item.putArray("certicates"); // WeChat's spelling, as on the wire
            category.certificates().forEach(c -> certificates.addObject()
                    .put("key", c.key()).put("value", c.value())
                    .put("expire_time", c.expireTime()).put("is_permanent", c.isPermanent()));
        }
        json.put("limit", state.limit());
        json.put("quota", state.quota());
        json.put("category_limit", state.categoryLimit());
        ArrayNode mediaIds = json.putArray("media_ids");
        state.mediaIds().stream().sorted().forEach(mediaIds::add);
        return SimResponse.json(json);
    }

    /**
     * Applies a JSON fault description: {@code clear} first, then {@code busyRate}, {@code latencyMillis},
     * {@code includeTokenEndpoints}, {@code rotateAuthorizerRefreshTokens}, {@code failNext}, {@code httpStatusNext}, {@code rawBodyNext},
     * {@code quotaExhausted} (the last four as one object or an array of them).
     */
    private SimResponse faults(RecordedRequest request) {
        JsonNode body = Json.isBlank(request.rawBody()) ? Json.object() : parse(request);
        Faults faults = simulator.faults();
        if (body.path("clear").asBoolean(false)) {
            faults.clear();
        }
        if (body.has("busyRate")) {
            faults.busyRate(body.get("busyRate").asDouble());
        }
        if (body.has("latencyMillis")) {
            faults.latency(Duration.ofMillis(body.get("latencyMillis").asLong()));
        }
        if (body.has("includeTokenEndpoints")) {
            faults.includeTokenEndpoints(body.get("includeTokenEndpoints").asBoolean());
        }
        if (body.has("rotateAuthorizerRefreshTokens")) {
            faults.rotateAuthorizerRefreshTokens(body.get("rotateAuthorizerRefreshTokens").asBoolean());
        }
        each(body.get("failNext"), f -> faults.failNext(path(f), f.path("errcode").asInt(-1), times(f)));
        each(body.get("httpStatusNext"), f -> faults.httpStatusNext(path(f), f.path("status").asInt(500), times(f)));
        each(body.get("rawBodyNext"), f -> faults.rawBodyNext(path(f),
                f.path("contentType").asText("text/plain"), f.path("body").asText(""), times(f)));
        each(body.get("quotaExhausted"), f -> faults.quotaExhausted(
                requiredText(f, "appid"), f.path("exhausted").asBoolean(true)));
        ObjectNode state = Json.object();
        state.put("busyRate", faults.busyRate());
        state.put("latencyMillis", faults.latency().toMillis());
        state.put("rotateAuthorizerRefreshTokens", faults.rotatesAuthorizerRefreshTokens());
        return SimResponse.json(state);
    }

    private static ObjectNode parse(RecordedRequest request) {
        try {
            return Json.parseObject(request.rawBody(), ErrorCode.DATA_FORMAT_ERROR);
        } catch (ApiError e) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
    }

    private static void each(JsonNode node, Consumer<JsonNode> action) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(action);
        } else {
            action.accept(node);
        }
    }

    private static String path(JsonNode fault) {
        return Json.text(fault.get("path"));
    }

    private static int times(JsonNode fault) {
        return fault.path("times").asInt(1);
    }

    private static String requiredText(JsonNode node, String field) {
        String value = Json.text(node.get(field));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    static String required(RecordedRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing query parameter " + name);
        }
        return value;
    }

    private static SimResponse done() {
        return SimResponse.json(Json.object().put("ok", true));
    }

    private static SimResponse methodNotAllowed() {
        return SimResponse.text(405, "method not allowed");
    }
}
