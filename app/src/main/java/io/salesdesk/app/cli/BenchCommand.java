package io.salesdesk.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk bench startup}: starts the app in fresh JVMs on the workspace until its main
 * window is shown, and prints the times. Needs a display (Xvfb will do). {@code --launcher} times
 * another launcher, such as an installed package's. The query figures of a
 * 100,000-customer list are JMH benchmarks in {@code modules/bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure SalesDesk on this machine (startup: cold start to a shown main window).")
public final class BenchCommand implements Callable<Integer> {

    /** The line the measured child prints: milliseconds from JVM start to the shown window. */
    static final String STARTUP_PREFIX = "startup-ms=";
    /** The line the measured child prints: milliseconds from JVM start to the first page shown with data. */
    static final String READY_PREFIX = "ready-ms=";

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: startup")
    String what;

    @Option(names = "--runs", defaultValue = "5", description = "How many cold starts (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "Time this launcher instead of this distribution's, e.g. the installed package's"
                    + " /opt/salesdesk/bin/salesdesk (it must accept --data-dir and --exit-after-shown).")
    Path launcher;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!"startup".equals(what)) {
            spec.commandLine().getErr().println("Unknown benchmark '" + what + "'. Try: salesdesk bench startup;"
                    + " list and query figures: java -jar modules/bench/target/benchmarks.jar");
            return 2;
        }
        if (launcher != null && !Files.isExecutable(launcher)) {
            spec.commandLine().getErr().println("No launcher to run at " + launcher.toAbsolutePath()
                    + " (the installed package's is /opt/salesdesk/bin/salesdesk)");
            return 2;
        }
        String dataDir = root.locatedConfig().dataDir().toString();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = launcher != null
                ? List.of(launcher.toAbsolutePath().toString(), "--data-dir", dataDir, "--exit-after-shown")
                : launchCommand(java, dataDir);
        out.println("launcher: " + command.get(0));
        List<Long> shown = new ArrayList<>();
        List<Long> ready = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long before = System.nanoTime();
            Process child = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long startup = -1;
            long firstPage = -1;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith(STARTUP_PREFIX)) {
                        startup = Long.parseLong(line.substring(STARTUP_PREFIX.length()).strip());
                    } else if (line.startsWith(READY_PREFIX)) {
                        firstPage = Long.parseLong(line.substring(READY_PREFIX.length()).strip());
                    }
                }
            }
            int exit = child.waitFor();
            long wallMillis = (System.nanoTime() - before) / 1_000_000;
            if (exit != 0 || startup < 0) {
                spec.commandLine().getErr().println("Run " + run + " failed (exit " + exit
                        + "); is a display available? Under Linux without one: xvfb-run salesdesk bench startup");
                return 1;
            }
            shown.add(startup);
            ready.add(firstPage);
            wall.add(wallMillis);
            out.printf("run %d: main window shown %d ms after JVM start, first page with the workspace open %d ms;"
                    + " process %d ms including shutdown%n", run, startup, firstPage, wallMillis);
            out.flush();
        }
        out.printf("startup (JVM start → main window shown): median %d ms, min %d ms, max %d ms over %d runs on %s%n",
                median(shown), Collections.min(shown), Collections.max(shown), runs, dataDir);
        out.printf("ready (JVM start → first page shown, workspace open): median %d ms, min %d ms, max %d ms%n",
                median(ready), Collections.min(ready), Collections.max(ready));
        return 0;
    }

    /** The distribution's own launcher when there is one, so the figure is what a user gets. */
    private static List<String> launchCommand(String java, String dataDir) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return ownLauncher(System.getProperty("jpackage.app-path"), System.getProperty("salesdesk.home"), windows)
                .map(launcher -> List.of(launcher, "--data-dir", dataDir, "--exit-after-shown"))
                .orElseGet(() -> List.of(java, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                        "io.salesdesk.app.Main", "--data-dir", dataDir, "--exit-after-shown"));
    }

    /**
     * The launcher this run came from: a native package's, which jpackage's launchers name in
     * {@code jpackage.app-path} (SalesDesk.exe or salesdesk-cli.exe on Windows, Contents/MacOS/SalesDesk
     * on macOS: none of them under a {@code bin} folder), else {@code bin/salesdesk} of the plain
     * distribution whose folder {@code salesdesk.home} names.
     */
    static java.util.Optional<String> ownLauncher(String jpackageAppPath, String home, boolean windows) {
        if (jpackageAppPath != null && !jpackageAppPath.isBlank()) {
            return java.util.Optional.of(jpackageAppPath);
        }
        return java.util.Optional.ofNullable(home)
                .map(h -> Paths.get(h, "bin", windows ? "salesdesk.bat" : "salesdesk").toString());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
