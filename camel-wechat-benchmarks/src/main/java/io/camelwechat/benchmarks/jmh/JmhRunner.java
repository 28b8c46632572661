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
 *   -wi N       warmup iterations (default 3 for the token benchmark, 20 for the producer benchmark)
 *   -w TIME     warmup iteration time (default 1s)
 *   -i N        measurement iterations (default 5)
 *   -r TIME     measurement iteration time (default 1s)
 *   -t LIST     thread counts of the producer benchmark (default 1,16)
 *   -o FILE     JSON results (default target/benchmarks/jmh-results.json of this module)
 *   -jvmArgs S  arguments of the forked JVMs (default "-Xms1g -Xmx1g")
 *   -only WHAT  token | producer | sidebyside | shared (default all four); shared: a token hit with and without
 *               the dataSource option (SharedStateTokenBenchmark, an embedded PostgreSQL)
 *   -rounds N   runs of the producer pair (default 1); each round runs bare and component back to back, in
 *               alternating order, and then both side by side (SideBySideBenchmark: the same number of threads
 *               for each, at the same time); the ratios printed are the medians of the rounds' ratios
 *   -prof P     a JMH profiler as NAME[:OPTIONS], repeatable (gc: allocation per operation; stack; jfr:dir=D)
 *   -v MODE     JMH output: silent | normal | extra (default normal)
 * </pre>
 * TIME is a number with a unit: 500ms, 1s, 2m.
 * <p>
 * Why the producer benchmark warms up longer than 3 s: client, Camel and the in-process simulator share the cores
 * with the JIT compilers. On a 2-core machine the bare client reached its plateau after about 6 s, the component
 * (Camel and more code to compile) only after 10 to 15 s, so a short warm-up measured the component's JIT rather
 * than its overhead (3 s: about 0.75x, 10 s: 0.6 to 0.75x, 30 s: 0.93x at 1 thread). Twenty 1 s warm-up iterations
 * are the default; raise -wi on slower or busier machines.
 */
public final class JmhRunner {

    static final int TOKEN_WARMUP_ITERATIONS = 3;
    static final int PRODUCER_WARMUP_ITERATIONS = 20;

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
        boolean sideBySide = true;
        boolean shared = true;
        int rounds = 1;
        List<String> profilers = new ArrayList<>();
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
                    case "-rounds" -> s.rounds = Integer.parseInt(value);
                    case "-prof" -> s.profilers.add(value);
                    case "-v" -> s.verbosity = VerboseMode.valueOf(value.toUpperCase(Locale.ROOT));
                    case "-only" -> {
                        s.token = value.equals("token");
                        s.producer = value.equals("producer");
                        s.sideBySide = value.equals("sidebyside");
                        s.shared = value.equals("shared");
                        if (!s.token && !s.producer && !s.sideBySide && !s.shared) {
                            throw new IllegalArgumentException("-only takes token, producer, sidebyside or shared, "
                                                               + "got " + value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return s;
        }

        /** Options for the benchmark methods of this class, or only the one named. */
        ChainedOptionsBuilder options(Class<?> benchmark, String method, int threadCount) {
            int warmups = warmupIterations != null ? warmupIterations
                    : benchmark == TokenCacheBenchmark.class || benchmark == SharedStateTokenBenchmark.class
                            ? TOKEN_WARMUP_ITERATIONS
                    : PRODUCER_WARMUP_ITERATIONS;
            String include = "^" + Pattern.quote(benchmark.getName() + ".")
                             + (method == null ? "" : Pattern.quote(method) + "$");
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(include)
                    .forks(forks)
                    .warmupIterations(warmups)
                    .warmupTime(warmupTime)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .threads(benchmark == SideBySideBenchmark.class ? 2 * threadCount : threadCount)
                    .shouldFailOnError(true)
                    .verbosity(verbosity);
            for (String profiler : profilers) {
                int colon = profiler.indexOf(':');
                if (colon < 0) {
                    options.addProfiler(profiler);
                } else {
                    options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
                }
            }
            if (benchmark == SideBySideBenchmark.class) {
                options.threadGroups(threadCount, threadCount); // as many threads for each client
            }
            if (forks > 0 && !jvmArgs.isBlank()) {
                options.jvmArgs(jvmArgs.trim().split("\\s+"));
            }
            return options;
        }
    }

    /** The figures worth a line, from all results of a run. */
    record Summary(Double tokenHitNs, Double clockReadNs, Map<Integer, List<Double>> componentOps,
            Map<Integer, List<Double>> bareOps, Map<Integer, List<Double>> sideComponentOps,
            Map<Integer, List<Double>> sideBareOps, Map<String, Double> sharedHitNs) {

        static Summary of(Collection<RunResult> results) {
            Double token = null;
            Double clock = null;
            Map<Integer, List<Double>> component = new TreeMap<>();
            Map<Integer, List<Double>> bare = new TreeMap<>();
            Map<Integer, List<Double>> sideComponent = new TreeMap<>();
            Map<Integer, List<Double>> sideBare = new TreeMap<>();
            Map<String, Double> shared = new TreeMap<>();
            for (RunResult result : results) {
                int threads = result.getParams().getThreads();
                double score = result.getPrimaryResult().getScore();
                switch (method(result)) {
                    case "tokenHit" -> token = score;
                    case "clockRead" -> clock = score;
                    case "hit" -> shared.put(result.getParams().getParam("state"), score);
                    case "component" -> component.computeIfAbsent(threads, t -> new ArrayList<>()).add(score);
                    case "bare" -> bare.computeIfAbsent(threads, t -> new ArrayList<>()).add(score);
                    case SideBySideBenchmark.GROUP -> {
                        int each = result.getParams().getThreadGroups()[0];
                        sideComponent.computeIfAbsent(each, t -> new ArrayList<>())
                                .add(result.getSecondaryResults().get("component").getScore());
                        sideBare.computeIfAbsent(each, t -> new ArrayList<>())
                                .add(result.getSecondaryResults().get("bare").getScore());
                    }
                    default -> {
                    }
                }
            }
            return new Summary(token, clock, component, bare, sideComponent, sideBare, shared);
        }

        /** A hit's time with the dataSource option set over its time without, in one run; empty if not run. */
        Optional<Double> sharedHitRatio() {
            Double memory = sharedHitNs.get("memory");
            Double database = sharedHitNs.get("database");
            return memory == null || database == null || memory <= 0 ? Optional.empty()
                    : Optional.of(database / memory);
        }

        /** component/bare throughput of each round at this thread count, measured one after the other. */
        List<Double> roundRatios(int threads) {
            return ratios(componentOps.getOrDefault(threads, List.of()), bareOps.getOrDefault(threads, List.of()));
        }

        /** component/bare throughput of each side-by-side round at this thread count (per client). */
        List<Double> sideBySideRatios(int threads) {
            return ratios(sideComponentOps.getOrDefault(threads, List.of()),
                    sideBareOps.getOrDefault(threads, List.of()));
        }

        private static List<Double> ratios(List<Double> c, List<Double> b) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(c.size(), b.size()); i++) {
                if (b.get(i) > 0) {
                    ratios.add(c.get(i) / b.get(i));
                }
            }
            return ratios;
        }

        /** component/bare throughput at this thread count: the median over the rounds. */
        Optional<Double> ratio(int threads) {
            return median(roundRatios(threads));
        }

        /** component/bare throughput side by side at this thread count per client: the median over the rounds. */
        Optional<Double> sideBySideRatio(int threads) {
            return median(sideBySideRatios(threads));
        }

        private static Optional<Double> median(List<Double> values) {
            List<Double> ratios = new ArrayList<>(values);
            if (ratios.isEmpty()) {
                return Optional.empty();
            }
            ratios.sort(null);
            int n = ratios.size();
            return Optional.of(n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2);
        }

        private static double mean(List<Double> values) {
            return values == null || values.isEmpty() ? Double.NaN
                    : values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        private static void line(StringBuilder out, String figure, List<Double> component, List<Double> bare,
                                 List<Double> rounds, Optional<Double> ratio) {
            out.append(String.format(Locale.ROOT, "%-36s %12.0f %12.0f %10s%s%n", figure, mean(component),
                    mean(bare), ratio.map(r -> String.format(Locale.ROOT, "%.3fx", r)).orElse("-"),
                    rounds.size() < 2 ? "" : rounds.stream()
                            .map(r -> String.format(Locale.ROOT, "%.3f", r))
                            .collect(Collectors.joining(" ", "  (rounds: ", ")"))));
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-36s %12s %12s %10s%n", "figure", "component", "bare",
                    "ratio"));
            for (Integer threads : componentOps.keySet()) {
                line(out, "category list ops/s, " + threads + (threads == 1 ? " thread" : " threads"),
                        componentOps.get(threads), bareOps.get(threads), roundRatios(threads), ratio(threads));
            }
            for (Integer threads : sideComponentOps.keySet()) {
                line(out, "side by side ops/s, " + threads + "+" + threads + " threads",
                        sideComponentOps.get(threads), sideBareOps.get(threads), sideBySideRatios(threads),
                        sideBySideRatio(threads));
            }
            if (tokenHitNs != null) {
                out.append(String.format(Locale.ROOT, "%-36s %12.1f %12s %10s%n", "token cache hit ns/op",
                        tokenHitNs, "", tokenHitNs <= 50 ? "<= 50 ok" : "> 50"));
            }
            if (clockReadNs != null) {
                out.append(String.format(Locale.ROOT, "%-36s %12.1f%n", "one clock read (baseline) ns/op",
                        clockReadNs));
            }
            sharedHitNs.forEach((state, ns) -> out.append(String.format(Locale.ROOT, "%-36s %12.1f%n",
                    "token hit, state=" + state + " ns/op", ns)));
            sharedHitRatio().ifPresent(ratio -> out.append(String.format(Locale.ROOT, "%-36s %12.3fx %12s %10s%n",
                    "token hit, database / memory", ratio, "", ratio <= 1.1 ? "<= 1.1 ok" : "> 1.1")));
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
                               + "[-jvmArgs \"...\"] [-only token|producer|sidebyside|shared] [-rounds N] "
                               + "[-prof NAME] [-v silent|normal|extra]");
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

    /**
     * Runs the token benchmark once, the token hit with and without a database once, then per round the producer pair at each thread count: bare then component
     * in odd rounds, component then bare in even ones; then per round both side by side at each thread count.
     */
    static List<RunResult> run(Settings settings) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        if (settings.token) {
            results.addAll(new Runner(settings.options(TokenCacheBenchmark.class, null, 1).build()).run());
        }
        if (settings.shared) {
            results.addAll(new Runner(settings.options(SharedStateTokenBenchmark.class, null, 1).build()).run());
        }
        if (settings.producer) {
            for (int round = 1; round <= settings.rounds; round++) {
                List<String> order = round % 2 == 1 ? List.of("bare", "component") : List.of("component", "bare");
                for (int threads : settings.threads) {
                    for (String method : order) {
                        results.addAll(new Runner(settings.options(ProducerOverheadBenchmark.class, method, threads)
                                .build()).run());
                    }
                }
            }
        }
        if (settings.sideBySide) {
            for (int round = 1; round <= settings.rounds; round++) {
                for (int threads : settings.threads) {
                    results.addAll(new Runner(settings.options(SideBySideBenchmark.class, null, threads).build())
                            .run());
                }
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
