package io.salesdesk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a {@code salesdesk import} spends its CPU, by phase, from a JFR recording of it (see
 * {@code ledger-import-profile.sh}). Each execution sample goes to the first phase whose method is on
 * its stack; the commit phases are split into the time inside HSQLDB's index trees, the rest of
 * HSQLDB, and our code with jOOQ. Samples are taken every 10 ms of a running Java thread, so a
 * count divided by 100 is roughly seconds of CPU; garbage collection and the JIT compiler are not
 * sampled (the GC log has those).
 *
 * <p>{@code java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.LedgerImportProfile FILE.jfr}
 */
public final class LedgerImportProfile {

    // Phase name → a method on the stack that marks it; the first match (in this order) wins.
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("error report (its own thread)", "io.salesdesk.ledger.report.ErrorReport.write");
        PHASES.put("commit: customers", "io.salesdesk.crm.CustomerRepository.insertEach");
        PHASES.put("commit: contacts", "io.salesdesk.crm.ContactRepository.insertEach");
        PHASES.put("commit: batch rows", "io.salesdesk.ledger.imports.ImportBatchRepository.insertRows");
        PHASES.put("commit: transaction commits", "org.jooq.impl.DefaultTransactionProvider.commit");
        PHASES.put("commit: other", "io.salesdesk.ledger.imports.LedgerImport.commit");
        PHASES.put("read: header rows", "io.salesdesk.ledger.map.HeaderDetector.detect");
        PHASES.put("read and convert", "io.salesdesk.ledger.imports.LedgerImport.readRows");
        PHASES.put("validate", "io.salesdesk.ledger.crm.CustomerRowReader.read");
        PHASES.put("dedupe", "io.salesdesk.ledger.crm.CustomerDedupe.run");
        PHASES.put("preview: other (file hash, mapping)", "io.salesdesk.ledger.imports.LedgerImport.preview");
        PHASES.put("open workspace, print summary", "io.salesdesk.app.cli.ImportCommand.call");
    }

    private LedgerImportProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Paths.get(args.length > 0 ? args[0] : "import.jfr");
        Map<String, Integer> byPhase = new LinkedHashMap<>();
        PHASES.keySet().forEach(p -> byPhase.put(p, 0));
        byPhase.put("other (start-up, class loading)", 0);
        Map<String, Integer> commitParts = new LinkedHashMap<>();
        for (String part : List.of("HSQLDB index trees", "HSQLDB other (rows, log, cache)", "SHA-256 of the audit chain",
                "jOOQ and our code")) {
            commitParts.put(part, 0);
        }
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String phase = phaseOf(frames);
            byPhase.merge(phase, 1, Integer::sum);
            if (phase.startsWith("commit")) {
                commitParts.merge(commitPart(frames), 1, Integer::sum);
            }
        }
        int samples = total;
        System.out.printf("%,d samples (about %.1f s of CPU in Java threads)%n", samples, samples / 100.0);
        byPhase.forEach((phase, n) -> print(phase, n, samples));
        System.out.println("commit, by what runs:");
        commitParts.forEach((part, n) -> print("  " + part, n, samples));
    }

    private static String phaseOf(List<RecordedFrame> frames) {
        for (Map.Entry<String, String> phase : PHASES.entrySet()) {
            for (RecordedFrame frame : frames) {
                if (name(frame).equals(phase.getValue())) {
                    return phase.getKey();
                }
            }
        }
        return "other (start-up, class loading)";
    }

    private static String commitPart(List<RecordedFrame> frames) {
        boolean hsqldb = false;
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("org.hsqldb.index.")) {
                return "HSQLDB index trees";
            }
            hsqldb |= name.startsWith("org.hsqldb.");
        }
        if (hsqldb) {
            return "HSQLDB other (rows, log, cache)";
        }
        return frames.stream().anyMatch(f -> name(f).equals("io.salesdesk.db.ChangeLog.hash"))
                ? "SHA-256 of the audit chain" : "jOOQ and our code";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String what, int samples, int total) {
        System.out.printf("  %-40s %6.1f s  %5.1f %%%n", what, samples / 100.0, total == 0 ? 0 : 100.0 * samples / total);
    }
}
