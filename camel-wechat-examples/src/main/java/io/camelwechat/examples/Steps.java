package io.camelwechat.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A story told one numbered step at a time, each printed as it completes. A failed step is reported and the story
 * goes on where it can; the result counts both.
 */
public final class Steps {

    /** What a run did: the number of steps that passed and failed. */
    public record Result(int passed, int failed) {
        public boolean succeeded() {
            return failed == 0 && passed > 0;
        }
    }

    /** One step: what it returns is printed after "ok:". */
    @FunctionalInterface
    public interface Step {
        String run() throws Exception;
    }

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    public Steps(PrintStream out) {
        this.out = out;
    }

    public void step(String title, Step step) {
        int number = passed + failures.size() + 1;
        out.println();
        out.println("[" + number + "] " + title);
        try {
            out.println("    ok: " + step.run());
            passed++;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            out.println("    FAILED: " + cause.getMessage());
            failures.add(title + ": " + cause.getMessage());
        }
    }

    /** Prints the summary line and the failures. */
    public Result finish() {
        out.println();
        out.println("Summary: " + (passed + failures.size()) + " steps, " + passed + " passed, " + failures.size()
                    + " failed");
        failures.forEach(failure -> out.println("  failed: " + failure));
        return new Result(passed, failures.size());
    }
}
