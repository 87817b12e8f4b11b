package io.salesdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;

/**
 * A {@link UiTestWorkspace} for a class of TestFX tests, with the main window on it before each test:
 * what every UI test class otherwise repeats (a temporary folder, the workspace, the user, the window,
 * closing it all). Register it beside TestFX's extension:
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class DealMergeUiTest {
 *     @RegisterExtension
 *     static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
 * }
 * }</pre>
 *
 * The workspace is open from before the class's own {@code @BeforeAll} methods until after its
 * {@code @AfterAll} methods, so they may use {@link #context()}.
 */
public final class MainWindowFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private String username;
    private Path dir;
    private UiTestWorkspace workspace;

    MainWindowFixture() {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    /** Works as this user of the demo organisation instead of the default one. */
    public MainWindowFixture signedInAs(String demoUsername) {
        this.username = demoUsername;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        dir = Files.createTempDirectory("salesdesk-ui");
        workspace = UiTestWorkspace.create(dir.resolve("workspace"));
        if (username != null) {
            context().setCurrentUser(context().users().byUsername(username).orElseThrow(
                    () -> new IllegalArgumentException("no demo user " + username)));
        }
    }

    /** Runs after TestFX has set up its application, so the window is the test's stage. */
    @Override
    public void beforeEach(ExtensionContext extension) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setScene(new MainWindow(context(), workspace.appearance()).createScene());
            stage.show();
        });
    }

    @Override
    public void afterAll(ExtensionContext extension) throws IOException {
        workspace.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    public UiTestWorkspace workspace() {
        return workspace;
    }

    public AppContext context() {
        return workspace.context();
    }

    /** The signed-in user as the services take them. */
    public Actor me() {
        return context().currentUser().asActor();
    }

    /** A folder of the test class's own beside the workspace (a second database, files to import). */
    public Path dir() {
        return dir;
    }
}
