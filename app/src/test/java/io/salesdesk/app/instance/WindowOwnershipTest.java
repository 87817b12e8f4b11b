package io.salesdesk.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SalesDesk opened twice on one workspace, as a user does by double-clicking a template file while it
 * runs: the second start gives its file to the first and opens nothing. Real sockets, real files.
 */
class WindowOwnershipTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path workspace;

    private final List<WindowRequest> firstWindow = new CopyOnWriteArrayList<>();

    @Test
    void aSecondStartHandsItsTemplateFileToTheWindowAlreadyOpen() {
        Path file = workspace.resolve("../下载/大客户 攻坚.sdtemplate");
        try (WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE)) {
            WindowOwnership second = WindowOwnership.claim(workspace, WindowRequest.open(file), r -> { }, PATIENCE);

            assertThat(first.owns()).isTrue();
            assertThat(second.handedOff()).isTrue();
            assertThat(second.owns()).isFalse();
            assertThat(firstWindow).containsExactly(WindowRequest.open(file));
            assertThat(firstWindow.get(0).templateFile()).contains(file.toAbsolutePath().normalize());
        }
    }

    @Test
    void aSecondStartWithoutAFileOnlyAsksTheWindowToComeToTheFront() {
        try (WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE)) {
            assertThat(WindowOwnership.claim(workspace, WindowRequest.show(), r -> { }, PATIENCE).handedOff()).isTrue();

            assertThat(firstWindow).singleElement().satisfies(r -> assertThat(r.templateFile()).isEmpty());
        }
    }

    @Test
    void twoWorkspacesRunSideBySide(@TempDir Path other) {
        try (WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE);
             WindowOwnership second = WindowOwnership.claim(other, WindowRequest.show(), r -> { }, PATIENCE)) {
            assertThat(first.owns()).isTrue();
            assertThat(second.owns()).isTrue();
            assertThat(firstWindow).isEmpty();
        }
    }

    @Test
    void onceTheWindowClosesTheNextStartOpensItsOwn() {
        WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE);
        first.close();

        assertThat(workspace.resolve(InstanceAddress.FILE_NAME)).doesNotExist();
        try (WindowOwnership next = WindowOwnership.claim(workspace, WindowRequest.show(), r -> { }, PATIENCE)) {
            assertThat(next.owns()).isTrue();
            assertThat(firstWindow).isEmpty();
        }
    }

    @Test
    void anAddressLeftBehindByACrashIsReplacedByTheNextStart() throws Exception {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0)) {
            deadPort = gone.getLocalPort();
        }
        InstanceAddress stale = InstanceAddress.fresh(deadPort);
        stale.write(workspace);

        try (WindowOwnership next = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE)) {
            assertThat(next.owns()).isTrue();
            assertThat(InstanceAddress.read(workspace)).isPresent().get().isNotEqualTo(stale);
            // And it is the one later starts now reach.
            assertThat(WindowOwnership.claim(workspace, WindowRequest.show(), r -> { }, PATIENCE).handedOff()).isTrue();
            assertThat(firstWindow).hasSize(1);
        }
    }

    @Test
    void aWindowKilledWithoutClosingLeavesNothingThatBlocksTheNextStart() throws Exception {
        // Another JVM owns the workspace's window, then dies as in a crash (SIGKILL: no clean-up at all).
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OwnsAWindow.class.getName(), workspace.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(OwnsAWindow.READY));
            assertThat(line).as("the other JVM says it owns the window").isEqualTo(OwnsAWindow.READY);
            crashed.destroyForcibly();
            assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        InstanceAddress left = InstanceAddress.read(workspace).orElseThrow();

        try (WindowOwnership next = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE)) {
            assertThat(next.owns()).isTrue();
            assertThat(next.address()).get().isNotEqualTo(left);
        }
    }

    @Test
    void aRequestWithAWrongTokenIsRefusedAndNeverReachesTheWindow() {
        try (WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE)) {
            InstanceAddress real = first.address().orElseThrow();
            InstanceAddress guessed = new InstanceAddress(real.port(), "0".repeat(64));

            assertThat(InstanceClient.send(guessed, WindowRequest.open(workspace.resolve("evil.sdtemplate"))))
                    .isEqualTo(InstanceClient.Outcome.REFUSED);
            assertThat(firstWindow).isEmpty();
            // The window still answers its own user afterwards.
            assertThat(InstanceClient.send(real, WindowRequest.show())).isEqualTo(InstanceClient.Outcome.HANDED_OFF);
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "no POSIX permissions; the folder under %APPDATA% is the user's own")
    void theAddressAndItsTokenAreReadableByTheirOwnerOnly() throws Exception {
        try (WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE)) {
            assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(workspace.resolve(InstanceAddress.FILE_NAME)))).isEqualTo("rw-------");
            assertThat(InstanceAddress.read(workspace).orElseThrow().token()).hasSize(64);
        }
    }

    @Test
    void aStartGoesOnAsBeforeWhenTheWindowIsLockedButNeverAnswers() throws Exception {
        // A window that hung before writing its address: the second start stops waiting and opens as it
        // always did (the database then says the workspace is in use).
        try (var channel = java.nio.channels.FileChannel.open(workspace.resolve(WindowOwnership.LOCK_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            WindowOwnership start = WindowOwnership.claim(workspace, WindowRequest.show(), r -> { }, Duration.ofMillis(300));

            assertThat(start.owns()).isFalse();
            assertThat(start.handedOff()).isFalse();
        }
    }

    @Test
    void aQuickLookTellsWhetherAWindowHoldsTheWorkspaceWithoutTakingIt() {
        assertThat(WindowOwnership.isTaken(workspace.resolve("never-opened"))).isFalse();
        assertThat(WindowOwnership.isTaken(workspace)).isFalse();

        WindowOwnership first = WindowOwnership.claim(workspace, WindowRequest.show(), firstWindow::add, PATIENCE);
        assertThat(WindowOwnership.isTaken(workspace)).isTrue();
        assertThat(WindowOwnership.isTaken(workspace)).as("looking took nothing").isTrue();
        first.close();

        assertThat(WindowOwnership.isTaken(workspace)).isFalse();
        try (WindowOwnership next = WindowOwnership.claim(workspace, WindowRequest.show(), r -> { }, PATIENCE)) {
            assertThat(next.owns()).isTrue();
        }
    }

    /** A SalesDesk start that owns its window and never closes it: killed by the test above. */
    public static final class OwnsAWindow {

        static final String READY = "owns the window";

        public static void main(String[] args) throws InterruptedException {
            WindowOwnership.claim(Path.of(args[0]), WindowRequest.show(), r -> { }, PATIENCE);
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
