package io.camelwechat.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own until the process is killed:
 * {@code java -jar camel-wechat-simulator-<version>-standalone.jar --port 8080 --account wxid:secret}.
 */
public final class Main {

    static final String DEMO_APP_ID = "wxdemo0000000001";
    static final String DEMO_SECRET = "demo-secret";
    static final int DEFAULT_PORT = 8080;

    private static final String USAGE = """
            usage: java -jar camel-wechat-simulator-standalone.jar [options]
              --port N                  port on 127.0.0.1 (default 8080, 0 = any free port)
              --account APPID:SECRET    register an account (repeatable; default a demo account)
              --audit-delay-seconds N   simulator time until a category audit ends (default 600)
              --live-industry-names     answer getIndustry with the names seen on the live service
              --frozen-clock            time moves only by POST /__sim/clock/advance (default: the wall clock)
              --help                    print this and exit""";

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
     * Parses the arguments, starts the simulator and prints where it listens.
     *
     * @return the running simulator, or {@code null} when only help was asked for
     * @throws IllegalArgumentException for invalid arguments
     */
    static WeChatSimulator start(String[] args, PrintStream out) {
        WeChatSimulator.Builder builder = WeChatSimulator.builder().port(DEFAULT_PORT);
        boolean accountGiven = false;
        boolean frozenClock = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(parseInt("--port", value(args, ++i, "--port")));
                case "--account" -> {
                    String account = value(args, ++i, "--account");
                    int colon = account.indexOf(':');
                    if (colon <= 0 || colon == account.length() - 1) {
                        throw new IllegalArgumentException("--account needs APPID:SECRET");
                    }
                    builder.account(account.substring(0, colon), account.substring(colon + 1));
                    accountGiven = true;
                }
                case "--audit-delay-seconds" -> builder.auditDelay(Duration.ofSeconds(
                        parseInt("--audit-delay-seconds", value(args, ++i, "--audit-delay-seconds"))));
                case "--live-industry-names" -> builder.liveIndustryNames(true);
                case "--frozen-clock" -> frozenClock = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (!accountGiven) {
            builder.account(DEMO_APP_ID, DEMO_SECRET);
            out.println("demo account: appid " + DEMO_APP_ID + ", secret " + DEMO_SECRET);
        }
        // a developer rehearsing against the jar wants tokens to expire and audits to end on their own
        builder.clock(frozenClock ? new SimulatorClock(Instant.now()) : SimulatorClock.system());
        WeChatSimulator simulator = builder.build().start();
        out.println("WeChat simulator listening on " + simulator.baseUrl());
        return simulator;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + value);
        }
    }
}
