package io.camelwechat.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One scenario's part of the report: Markdown text, the figures by name (for tests) and its targets. */
final class Section {

    /** A target of issue 7 with what was measured in this run. */
    record Target(String scenario, String what, String target, String measured, boolean met) {
    }

    private final String name;
    private final String title;
    private final StringBuilder markdown = new StringBuilder();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();

    Section(String name, String title) {
        this.name = name;
        this.title = title;
    }

    Section paragraph(String text) {
        markdown.append(text).append("\n\n");
        return this;
    }

    Section table(List<String> header, List<List<String>> rows) {
        markdown.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> markdown.append(" --- |"));
        markdown.append('\n');
        for (List<String> row : rows) {
            markdown.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        markdown.append('\n');
        return this;
    }

    Section figure(String key, double value) {
        figures.put(key, value);
        return this;
    }

    /** A figure by name; NaN when the scenario did not produce it. */
    double figure(String key) {
        return figures.getOrDefault(key, Double.NaN);
    }

    Section target(String what, String target, String measured, boolean met) {
        targets.add(new Target(name, what, target, measured, met));
        return this;
    }

    List<Target> targets() {
        return targets;
    }

    String toMarkdown() {
        return "## " + title + "\n\n" + markdown;
    }

    /** The root cause of a failure, as the caller would log it. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static String num(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis < 10 ? num(millis, 2) : num(millis, millis < 100 ? 1 : 0);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? num(value, 0) : num(value, 2) + "x";
    }
}
