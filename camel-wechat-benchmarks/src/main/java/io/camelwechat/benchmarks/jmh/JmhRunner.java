package io.camelwechat.benchmarks.jmh;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this module with sane defaults, writes every result as one JSON file and prints the
 * figures that matter: the component's throughput against the bare HttpClient 5 at each thread count, and the
 * token cache hit in ns/op.
 *
 * <pre>
 * java -cp ... io.camelwechat.benchmarks.jmh.JmhRunner [options]
 *   -f N        forks (default 1; 0 runs in this JVM)
 *   -wi N       warmup iterations (default 3 for the token benchmark, 10 for the producer benchmark)
 *   -w TIME     warmup iteration time (default 1s)
 *   -i N        measurement iterations (default 5)
 *   -r TIME     measurement iteration time (default 1s)
 *   -t LIST     thread counts of the producer benchmark (default 1,16)
 *   -o FILE     JSON results (default target/benchmarks/jmh-results.json of this module)
 *   -jvmArgs S  arguments of the forked JVMs (default "-Xms1g -Xmx1g")
 *   -only WHAT  token | producer (default both)
 *   -v MODE     JMH output: silent | normal | extra (default normal)
 * </pre>
 * TIME is a number with a unit: 500ms, 1s, 2m.
 * <p>
 * Why the producer benchmark warms up longer than 3 s: client, Camel and the in-process simulator share the cores
 * with the JIT compilers, and on a 2-core machine the throughput of both clients was still climbing well after 3 s
 * (the component, having more code to compile, more so), which biased the ratio against it. Ten 1 s warm-up
 * iterations are the default; raise -wi where the run may take longer.
 */
public final class JmhRunner {

    static final int TOKEN_WARMUP_ITERATIONS = 3;
    static final int PRODUCER_WARMUP_ITERATIONS = 10;

    /** What to run, and how long: the defaults, then whatever the arguments say. */
    static final class Settings {
        int forks = 1;
        /** Null: {@link #TOKEN_WARMUP_ITERATIONS} and {@link #PRODUCER_WARMUP_ITERATIONS}. */
        Integer warmupIterations;
        TimeValue warmupTime = TimeValue.seconds(1);
        int iterations = 5;
        TimeValue time = TimeValue.seconds(1);
        List<Integer> threads = List.of(1, 16);
        Path output = defaultOutput();
        String jvmArgs = "-Xms1g -Xmx1g";
        boolean token = true;
        boolean producer = true;
        VerboseMode verbosity = VerboseMode.NORMAL;

        static Settings parse(String... args) {
            Settings s = new Settings();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("-h") || option.equals("--help")) {
                    throw new IllegalArgumentException("usage");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "-f" -> s.forks = Integer.parseInt(value);
                    case "-wi" -> s.warmupIterations = Integer.parseInt(value);
                    case "-w" -> s.warmupTime = TimeValue.fromString(value);
                    case "-i" -> s.iterations = Integer.parseInt(value);
                    case "-r" -> s.time = TimeValue.fromString(value);
                    case "-t" -> s.threads = Arrays.stream(value.split(",")).map(String::trim)
                            .map(Integer::valueOf).toList();
                    case "-o" -> s.output = Paths.get(value);
                    case "-jvmArgs" -> s.jvmArgs = value;
                    case "-v" -> s.verbosity = VerboseMode.valueOf(value.toUpperCase(Locale.ROOT));
                    case "-only" -> {
                        s.token = value.equals("token");
                        s.producer = value.equals("producer");
                        if (!s.token && !s.producer) {
                            throw new IllegalArgumentException("-only takes token or producer, got " + value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return s;
        }

        ChainedOptionsBuilder options(Class<?> benchmark, int threadCount) {
            int warmups = warmupIterations != null ? warmupIterations
                    : benchmark == ProducerOverheadBenchmark.class ? PRODUCER_WARMUP_ITERATIONS : TOKEN_WARMUP_ITERATIONS;
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                    .forks(forks)
                    .warmupIterations(warmups)
                    .warmupTime(warmupTime)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .threads(threadCount)
                    .shouldFailOnError(true)
                    .verbosity(verbosity);
            if (forks > 0 && !jvmArgs.isBlank()) {
                options.jvmArgs(jvmArgs.trim().split("\\s+"));
            }
            return options;
        }
    }

    /** The figures worth a line, from all results of a run. */
    record Summary(Double tokenHitNs, Double clockReadNs, Map<Integer, Double> componentOps,
            Map<Integer, Double> bareOps) {

        static Summary of(Collection<RunResult> results) {
            Double token = null;
            Double clock = null;
            Map<Integer, Double> component = new TreeMap<>();
            Map<Integer, Double> bare = new TreeMap<>();
            for (RunResult result : results) {
                int threads = result.getParams().getThreads();
                double score = result.getPrimaryResult().getScore();
                switch (method(result)) {
                    case "tokenHit" -> token = score;
                    case "clockRead" -> clock = score;
                    case "component" -> component.put(threads, score);
                    case "bare" -> bare.put(threads, score);
                    default -> {
                    }
                }
            }
            return new Summary(token, clock, component, bare);
        }

        /** component/bare throughput at this thread count. */
        Optional<Double> ratio(int threads) {
            Double c = componentOps.get(threads);
            Double b = bareOps.get(threads);
            return c == null || b == null || b == 0 ? Optional.empty() : Optional.of(c / b);
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-36s %12s %12s %10s%n", "figure", "component", "bare",
                    "ratio"));
            for (Integer threads : componentOps.keySet()) {
                out.append(String.format(Locale.ROOT, "%-36s %12.0f %12.0f %10s%n",
                        "category list ops/s, " + threads + (threads == 1 ? " thread" : " threads"),
                        componentOps.get(threads), bareOps.getOrDefault(threads, Double.NaN),
                        ratio(threads).map(r -> String.format(Locale.ROOT, "%.3fx", r)).orElse("-")));
            }
            if (tokenHitNs != null) {
                out.append(String.format(Locale.ROOT, "%-36s %12.1f %12s %10s%n", "token cache hit ns/op",
                        tokenHitNs, "", tokenHitNs <= 50 ? "<= 50 ok" : "> 50"));
            }
            if (clockReadNs != null) {
                out.append(String.format(Locale.ROOT, "%-36s %12.1f%n", "one clock read (baseline) ns/op",
                        clockReadNs));
            }
            return out.toString();
        }
    }

    static String method(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private JmhRunner() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            if (!"usage".equals(e.getMessage())) {
                System.err.println(e.getMessage());
            }
            System.err.println("usage: JmhRunner [-f N] [-wi N] [-w TIME] [-i N] [-r TIME] [-t 1,16] [-o FILE] "
                               + "[-jvmArgs \"...\"] [-only token|producer] [-v silent|normal|extra]");
            System.exit(2);
            return;
        }
        useClassLoaderClasspath();
        List<RunResult> results = run(settings);
        write(results, settings.output);
        System.out.println();
        System.out.println("JSON results: " + settings.output.toAbsolutePath());
        System.out.print(Summary.of(results).table());
    }

    /** Runs the token benchmark once and the producer benchmark at each thread count. */
    static List<RunResult> run(Settings settings) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        if (settings.token) {
            results.addAll(new Runner(settings.options(TokenCacheBenchmark.class, 1).build()).run());
        }
        if (settings.producer) {
            for (int threads : settings.threads) {
                results.addAll(new Runner(settings.options(ProducerOverheadBenchmark.class, threads).build()).run());
            }
        }
        return results;
    }

    static void write(Collection<RunResult> results, Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(output), true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
    }

    /**
     * JMH starts its forks with {@code java.class.path}. Under {@code mvn exec:java} that is Maven's own
     * launcher, while the project's classes come from the context class loader: hand those to the forks.
     */
    static void useClassLoaderClasspath() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
            return;
        }
        String own = codeSource(JmhRunner.class);
        String classpath = System.getProperty("java.class.path", "");
        if (own == null || Arrays.asList(classpath.split(File.pathSeparator)).contains(own)) {
            return;
        }
        String fromLoader = Arrays.stream(loader.getURLs())
                .map(JmhRunner::toPath)
                .filter(p -> p != null)
                .collect(Collectors.joining(File.pathSeparator));
        if (!fromLoader.isEmpty()) {
            System.setProperty("java.class.path", fromLoader);
        }
    }

    /** target/benchmarks/jmh-results.json of this module when run from its classes, else under the working dir. */
    static Path defaultOutput() {
        String classes = codeSource(JmhRunner.class);
        if (classes != null) {
            Path target = Paths.get(classes).getParent();
            if (Files.isDirectory(Paths.get(classes)) && target != null && target.getFileName() != null
                && target.getFileName().toString().equals("target")) {
                return target.resolve("benchmarks").resolve("jmh-results.json");
            }
        }
        return Paths.get("target", "benchmarks", "jmh-results.json");
    }

    private static String codeSource(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : toPath(source.getLocation());
    }

    private static String toPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Paths.get(url.toURI()).toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
