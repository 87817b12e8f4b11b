package io.salesdesk.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;

/** {@code --user} and {@code --password-env} at start, on a workspace without and with passwords. */
class StartUserTest {

    private static final ChangeReason SETUP = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    private static AppContext starting() {
        return new AppContext(workspace.context().database(), UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
    }

    private static User user(String login) {
        return workspace.context().users().byUsername(login).orElseThrow();
    }

    @Test
    void withoutPasswordsTheNamedUserIsChosenAndWithThemOnlyTheRightPasswordSignsIn() {
        AppContext passwordless = starting();
        StartUser.choose(passwordless, "rep.sh1", null, Map.of());
        assertThat(passwordless.currentUser().username()).isEqualTo("rep.sh1");

        workspace.context().signIn().setPasswordBySystem(user("manager.sh").id(), "salesdesk".toCharArray(), false, SETUP);
        workspace.context().signIn().setPasswordBySystem(user("rep.sh2").id(), "first-one".toCharArray(), true, SETUP);

        // The name alone no longer picks a user: the window offers it on the sign-in screen.
        AppContext nameOnly = starting();
        StartUser.choose(nameOnly, "manager.sh", null, Map.of());
        assertThat(nameOnly.currentUser()).isNull();
        assertThat(nameOnly.offeredUsername()).isEqualTo("manager.sh");

        assertThatThrownBy(() -> StartUser.choose(starting(), "manager.sh", "SD_PW", Map.of()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cli.passwordEnvMissing"));
        assertThatThrownBy(() -> StartUser.choose(starting(), "manager.sh", "SD_PW", Map.of("SD_PW", "guess")))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signin.failed"));

        AppContext signedIn = starting();
        StartUser.choose(signedIn, "manager.sh", "SD_PW", Map.of("SD_PW", "salesdesk"));
        assertThat(signedIn.currentUser().username()).isEqualTo("manager.sh");

        // A password that must be changed is changed on the sign-in screen first.
        AppContext mustChange = starting();
        StartUser.choose(mustChange, "rep.sh2", "SD_PW", Map.of("SD_PW", "first-one"));
        assertThat(mustChange.currentUser()).isNull();
        assertThat(mustChange.offeredUsername()).isEqualTo("rep.sh2");
    }
}
