package io.salesdesk.app.signin;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.app.shell.FxStartup;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;

/**
 * 打开加密的数据: the data passphrase of an encrypted workspace, asked when the window starts, before
 * the database opens and before anyone signs in. A wrong passphrase asks again with the reason; 退出
 * ends the start without opening anything.
 */
public final class PassphraseDialog extends Dialog<char[]> {

    private final PasswordField passphrase = new PasswordField();

    PassphraseDialog(DatabaseConfig config, String problem) {
        setTitle(I18n.get("passphrase.title"));
        setHeaderText(I18n.get("passphrase.header"));
        setGraphic(new FontIcon(Feather.LOCK));
        getDialogPane().getStylesheets().add(Stylesheets.APP);
        getDialogPane().setId("passphraseDialog");
        Label text = new Label(I18n.get("passphrase.text"));
        text.setWrapText(true);
        text.setMaxWidth(380);
        passphrase.setId("passphraseField");
        passphrase.setPromptText(I18n.get("passphrase.field"));
        Label wrong = new Label(problem == null ? "" : problem);
        wrong.setId("passphraseProblem");
        wrong.getStyleClass().add(Styles.DANGER);
        wrong.setWrapText(true);
        wrong.setMaxWidth(380);
        wrong.setVisible(problem != null);
        wrong.setManaged(problem != null);
        Label where = new Label(I18n.get("passphrase.where", config.dataDir().toString()));
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.setWrapText(true);
        where.setMaxWidth(380);
        VBox content = new VBox(10, text, passphrase, wrong, where);
        getDialogPane().setContent(content);
        ButtonType open = new ButtonType(I18n.get("passphrase.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(I18n.get("passphrase.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(open, quit);
        getDialogPane().lookupButton(open).setId("passphraseOpen");
        setResultConverter(button -> button == open ? passphrase.getText().toCharArray() : null);
        setOnShown(e -> Platform.runLater(passphrase::requestFocus));
    }

    /**
     * Asks on the FX thread until the passphrase unlocks {@code config}'s workspace; call from a
     * background thread (the key derivation takes a moment and must not freeze the window).
     *
     * @throws CancellationException when the user chose 退出
     */
    public static DatabaseConfig unlock(DatabaseConfig config) {
        String problem = null;
        while (true) {
            char[] typed = ask(config, problem);
            if (typed == null) {
                throw new CancellationException(I18n.get("passphrase.cancelled"));
            }
            try {
                return WorkspaceKey.unlock(config, typed);
            } catch (SalesDeskException e) {
                problem = I18n.message(e);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
    }

    private static char[] ask(DatabaseConfig config, String problem) {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        FxStartup.await();
        Platform.runLater(() -> {
            try {
                answer.complete(new PassphraseDialog(config, problem).showAndWait().orElse(null));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }
}
