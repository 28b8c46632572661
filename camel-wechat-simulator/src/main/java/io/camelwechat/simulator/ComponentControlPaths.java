package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /__sim/components} control paths: the third-party platform part of the Java control API over
 * HTTP. Kept apart from {@link ControlApi} because these paths carry appids in the path, not the query.
 *
 * <ul>
 *   <li>{@code POST /__sim/components?component_appid=..&secret=..}: {@code addComponent}</li>
 *   <li>{@code POST /__sim/components/{appid}/verify-ticket}: {@code issueVerifyTicket}</li>
 *   <li>{@code POST|GET|DELETE /__sim/components/{appid}/authorizers/{authorizerAppid}}: {@code authorize},
 *       {@code currentAuthorizerRefreshToken}, {@code revokeAuthorization}</li>
 * </ul>
 * An unknown component, or an account that never authorized it, answers 404. Bad input throws
 * {@link IllegalArgumentException}, which {@link ControlApi} answers with 400.
 */
final class ComponentControlPaths {

    static final String COMPONENTS = WeChatSimulator.CONTROL_PREFIX + "components";

    private final WeChatSimulator simulator;

    ComponentControlPaths(WeChatSimulator simulator) {
        this.simulator = simulator;
    }

    static boolean matches(String path) {
        return path.equals(COMPONENTS) || path.startsWith(COMPONENTS + "/");
    }

    SimResponse handle(RecordedRequest request) {
        String path = request.path();
        if (path.equals(COMPONENTS)) {
            if (!Route.POST.equals(request.method())) {
                return methodNotAllowed();
            }
            simulator.addComponent(ControlApi.required(request, "component_appid"),
                    ControlApi.required(request, "secret"));
            return SimResponse.json(Json.object().put("ok", true));
        }
        String[] segments = path.substring(COMPONENTS.length() + 1).split("/", -1);
        if (segments.length == 2 && segments[1].equals("verify-ticket")) {
            return verifyTicket(request, segments[0]);
        }
        if (segments.length == 3 && segments[1].equals("authorizers")) {
            return authorizer(request, segments[0], segments[2]);
        }
        return notFound(path);
    }

    private SimResponse verifyTicket(RecordedRequest request, String componentAppId) {
        if (!Route.POST.equals(request.method())) {
            return methodNotAllowed();
        }
        try {
            String ticket = simulator.issueVerifyTicket(componentAppId);
            return SimResponse.json(Json.object().put("component_verify_ticket", ticket));
        } catch (IllegalArgumentException unknown) {
            return notFound(request.path());
        }
    }

    private SimResponse authorizer(RecordedRequest request, String componentAppId, String authorizerAppId) {
        try {
            switch (request.method()) {
                case "POST":
                    return refreshToken(simulator.authorize(componentAppId, authorizerAppId));
                case "GET":
                    return refreshToken(simulator.currentAuthorizerRefreshToken(componentAppId, authorizerAppId));
                case "DELETE":
                    simulator.revokeAuthorization(componentAppId, authorizerAppId);
                    return SimResponse.json(Json.object().put("ok", true));
                default:
                    return methodNotAllowed();
            }
        } catch (IllegalArgumentException unknown) { // unknown component, or never authorized
            return notFound(request.path());
        }
    }

    /** {@code {"authorizer_refresh_token":..}}; {@code null} after a revocation. */
    private static SimResponse refreshToken(String token) {
        ObjectNode json = Json.object();
        json.put("authorizer_refresh_token", token);
        return SimResponse.json(json);
    }

    private static SimResponse notFound(String path) {
        return SimResponse.text(404, "no such component or authorization: " + path);
    }

    private static SimResponse methodNotAllowed() {
        return SimResponse.text(405, "method not allowed");
    }
}
