package io.camelwechat.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the simulator on its own until the process is killed, on the wall clock unless told otherwise:
 * {@code java -jar camel-wechat-simulator-<version>-standalone.jar --port 8080 --account wxid:secret}.
 */
public final class Main {

    static final String DEMO_APP_ID = "wxdemo0000000001";
    static final String DEMO_SECRET = "demo-secret";
    static final int DEFAULT_PORT = 8080;

    private static final String USAGE = """
            usage: java -jar camel-wechat-simulator-standalone.jar [options]
              --port N                     port on 127.0.0.1 (default 8080, 0 = any free port)
              --account APPID:SECRET       register an account (repeatable; default a demo account)
              --component APPID:SECRET     register a third-party platform (repeatable); prints a verify ticket
              --authorize COMPONENT:APPID  the account authorizes the platform (repeatable; the account is
                                           created if unknown); prints the authorizer_refresh_token
              --rotate-refresh-tokens      api_authorizer_token rotates the refresh token (5-minute overlap)
              --token-lifetime-seconds N   expires_in of every token (default 7200)
              --audit-delay-seconds N      time until a category audit ends (default 600)
              --audit-rule RULE            qualifications (default: sensitive categories need a certificate),
                                           approve or reject
              --latency-ms N               delay every answer by N ms of real time (default 0)
              --busy-rate P                answer this share of API calls with -1 system error (0..1, default 0)
              --image-limit-mb N           image upload limit in MB, 1..10 (default 10; WeChat also says 2)
              --seed N                     seed the random ids (tokens, tickets, media_ids) for repeatable runs
              --frozen-clock               time moves only by POST /__sim/clock/advance (default: the wall clock)
              --live-industry-names        answer getIndustry with the names seen on the live service
              --help                       print this and exit""";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        WeChatSimulator simulator;
        try {
            simulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (simulator == null) {
            return; // --help
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "wechat-simulator-shutdown"));
        new CountDownLatch(1).await(); // serve until killed
    }

    /**
     * Parses the arguments, starts the simulator and prints where it listens, the demo account, the verify
     * tickets and the refresh tokens a client needs.
     *
     * @return the running simulator, or {@code null} when only help was asked for
     * @throws IllegalArgumentException for invalid arguments
     */
    static WeChatSimulator start(String[] args, PrintStream out) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.println(USAGE);
                return null;
            }
            i = options.apply(option, args, i);
        }
        List<String> printed = new ArrayList<>();
        if (options.accounts == 0) {
            options.builder.account(DEMO_APP_ID, DEMO_SECRET);
            printed.add("demo account: appid " + DEMO_APP_ID + ", secret " + DEMO_SECRET);
        }
        // a developer rehearsing against the jar wants tokens to expire and audits to end on their own
        options.builder.clock(options.frozenClock ? new SimulatorClock(Instant.now()) : SimulatorClock.system());
        WeChatSimulator simulator = options.builder.build();
        // everything that can still fail on bad input happens before the port is bound
        options.faults.forEach(fault -> fault.accept(simulator.faults()));
        for (String component : options.components) {
            printed.add("component " + component + ": component_verify_ticket " + simulator.issueVerifyTicket(component)
                    + " (valid 12 h; a new one: POST /__sim/components/" + component + "/verify-ticket)");
        }
        for (String[] authorization : options.authorizations) {
            printed.add("authorization " + authorization[0] + " -> " + authorization[1]
                    + ": authorizer_refresh_token " + simulator.authorize(authorization[0], authorization[1]));
        }
        simulator.start();
        printed.forEach(out::println);
        out.println("WeChat simulator listening on " + simulator.baseUrl() + " ("
                + (simulator.clock().ticks() ? "wall clock" : "frozen clock") + ")");
        return simulator;
    }

    /** The parsed command line. */
    private static final class Options {
        final WeChatSimulator.Builder builder = WeChatSimulator.builder().port(DEFAULT_PORT);
        final List<Consumer<Faults>> faults = new ArrayList<>();
        final List<String> components = new ArrayList<>();
        final List<String[]> authorizations = new ArrayList<>();
        int accounts;
        boolean frozenClock;

        Options() {
            builder.random(new Random()); // a new run, new ids; --seed makes runs repeatable
        }

        /** Applies the option at {@code i} and answers the index of its last argument. */
        int apply(String option, String[] args, int i) {
            switch (option) {
                case "--port" -> builder.port(number(option, value(args, i)));
                case "--account" -> pair(option, value(args, i), (id, secret) -> {
                    builder.account(id, secret);
                    accounts++;
                });
                case "--component" -> pair(option, value(args, i), (id, secret) -> {
                    builder.component(id, secret);
                    components.add(id);
                });
                case "--authorize" -> pair(option, value(args, i),
                        (component, authorizer) -> authorizations.add(new String[] {component, authorizer}));
                case "--rotate-refresh-tokens" -> {
                    faults.add(f -> f.rotateAuthorizerRefreshTokens(true));
                    return i;
                }
                case "--token-lifetime-seconds" ->
                        builder.tokenLifetime(Duration.ofSeconds(number(option, value(args, i))));
                case "--audit-delay-seconds" -> builder.auditDelay(Duration.ofSeconds(number(option, value(args, i))));
                case "--audit-rule" -> builder.auditRule(auditRule(value(args, i)));
                case "--latency-ms" -> {
                    Duration latency = Duration.ofMillis(number(option, value(args, i)));
                    faults.add(f -> f.latency(latency));
                }
                case "--busy-rate" -> {
                    double rate = decimal(option, value(args, i));
                    faults.add(f -> f.busyRate(rate));
                }
                case "--image-limit-mb" -> builder.imageSizeLimit(megabytes(option, value(args, i)));
                case "--seed" -> builder.random(new Random(parse(option, value(args, i), Long::parseLong)));
                case "--frozen-clock" -> {
                    frozenClock = true;
                    return i;
                }
                case "--live-industry-names" -> {
                    builder.liveIndustryNames(true);
                    return i;
                }
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
            return i + 1; // every option above that did not return takes one value
        }
    }

    private static String value(String[] args, int optionIndex) {
        if (optionIndex + 1 >= args.length) {
            throw new IllegalArgumentException(args[optionIndex] + " needs a value");
        }
        return args[optionIndex + 1];
    }

    /** {@code A:B}, split at the first colon (a secret may contain colons). */
    private static void pair(String option, String value, BiConsumer<String, String> action) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(option + " needs two values separated by ':'");
        }
        action.accept(value.substring(0, colon), value.substring(colon + 1));
    }

    private static AuditRule auditRule(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "qualifications" -> AuditRule.QUALIFICATIONS;
            case "approve" -> AuditRule.APPROVE_ALL;
            case "reject" -> AuditRule.REJECT_ALL;
            default -> throw new IllegalArgumentException("--audit-rule is qualifications, approve or reject: " + value);
        };
    }

    private static int megabytes(String option, String value) {
        int megabytes = number(option, value);
        if (megabytes < 1 || megabytes > 10) {
            throw new IllegalArgumentException(option + " must be 1..10: " + value);
        }
        return megabytes * 1024 * 1024;
    }

    private static int number(String option, String value) {
        return parse(option, value, Integer::parseInt);
    }

    private static double decimal(String option, String value) {
        return parse(option, value, Double::parseDouble);
    }

    private static <T> T parse(String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + value);
        }
    }
}
