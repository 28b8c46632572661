package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves the WeChat paths: records the request, applies faults, then runs the checks every WeChat API
 * shares before the operation: HTTP method (43001/43002), access_token (41001/40001/42001), the
 * account's quota (45009) and a non-empty POST body (44002). Unknown paths answer 40066 {@code invalid url}.
 */
final class ApiDispatcher {

    private final Map<String, Route> routes;
    private final TokenService tokens;
    private final AccountRegistry accounts;
    private final Faults faults;
    private final RequestLog log;
    private final ErrorAnswers errors;

    ApiDispatcher(List<Route> routes, TokenService tokens, AccountRegistry accounts, Faults faults,
                  RequestLog log, ErrorAnswers errors) {
        this.routes = routes.stream().collect(Collectors.toUnmodifiableMap(Route::path, Function.identity()));
        this.tokens = tokens;
        this.accounts = accounts;
        this.faults = faults;
        this.log = log;
        this.errors = errors;
    }

    SimResponse handle(RecordedRequest request) {
        log.record(request);
        delay(faults.latency());
        Route route = routes.get(request.path());
        if (route == null) {
            return errors.of(ErrorCode.INVALID_URL, request.at()); // WeChat's JSON answer, HTTP 200
        }
        Optional<SimResponse> injected = faults.intercept(request.path(), route.tokenEndpoint(), request.at());
        if (injected.isPresent()) {
            return injected.get();
        }
        try {
            return route.handler().handle(authorize(route, request));
        } catch (ApiError error) {
            return errors.of(error.code(), request.at());
        }
    }

    private ApiCall authorize(Route route, RecordedRequest request) {
        if (!route.method().equals(request.method())) {
            throw new ApiError(Route.GET.equals(route.method()) ? ErrorCode.REQUIRE_GET : ErrorCode.REQUIRE_POST);
        }
        Instant now = request.at();
        Account account = null;
        if (!route.tokenEndpoint()) {
            String appId = tokens.authenticate(request.queryParam("access_token"), now);
            if (faults.isQuotaExhausted(appId)) {
                throw new ApiError(ErrorCode.DAILY_QUOTA_REACHED);
            }
            account = accounts.find(appId);
        }
        if (Route.POST.equals(route.method()) && Json.isBlank(request.rawBody())) {
            throw new ApiError(ErrorCode.EMPTY_POST_DATA);
        }
        return new ApiCall(request, account, now);
    }

    private static void delay(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping: answer at once
        }
    }
}
