package io.salesdesk.app.settings;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.ValidationException;
import io.salesdesk.workflow.notify.channel.Channel;
import io.salesdesk.workflow.notify.channel.ChannelDraft;
import io.salesdesk.workflow.notify.channel.ChannelKind;
import io.salesdesk.workflow.notify.channel.ChannelSettings;
import io.salesdesk.workflow.notify.channel.ChannelSettings.Security;

/**
 * A channel, new or edited, in a form per kind: webhook address and signing secret for a robot,
 * server, port, security, login and sender for e-mail. A saved secret shows as •••• and stays as it
 * is unless replaced. "发送测试" sends through what the form holds and shows the answer here.
 */
final class ChannelForm extends VBox {

    private final AppContext context;
    private final Runnable saved;
    private final Runnable changed;
    private final Channel existing;
    private final ComboBox<ChannelKind> kind = Pickers.of(List.of(ChannelKind.values()),
            k -> I18n.label("channels.kind", k), "");
    private final TextField name = field("channelName");
    private final CheckBox enabled = new CheckBox(I18n.get("channels.form.enabled"));
    private final TextField kinds = field("channelKinds");
    private final TextField url = field("channelUrl");
    private final PasswordField secret = new PasswordField();
    private final TextField host = field("channelHost");
    private final TextField port = field("channelPort");
    private final ComboBox<Security> security = Pickers.of(List.of(Security.values()),
            s -> I18n.label("channels.security", s), "");
    private final TextField username = field("channelUser");
    private final PasswordField password = new PasswordField();
    private final TextField from = field("channelFrom");
    private final GridPane robotFields = new GridPane();
    private final GridPane mailFields = new GridPane();
    private final Label result = new Label();

    /**
     * @param saved   closes the form and reloads the list (after save, remove or cancel)
     * @param changed reloads the list and keeps the form (a test send updates the last delivery)
     */
    ChannelForm(AppContext context, Channel existing, ChannelKind newKind, Runnable saved, Runnable changed) {
        super(10);
        this.context = context;
        this.existing = existing;
        this.saved = saved;
        this.changed = changed;
        setId("channelForm");
        getStyleClass().add("channel-form");
        kind.setId("channelKind");
        kind.setValue(existing == null ? newKind : existing.kind());
        kind.setDisable(existing != null);
        enabled.setId("channelEnabled");
        secret.setId("channelSecret");
        password.setId("channelPassword");
        security.setId("channelSecurity");
        url.setPromptText(I18n.get("channels.form.url.prompt"));
        secret.setPromptText(I18n.get("channels.form.secret.prompt"));
        kinds.setPromptText(I18n.get("channels.form.kinds.prompt"));
        from.setPromptText(I18n.get("channels.form.from.prompt"));
        port.setPrefColumnCount(6);
        fill(existing);

        GridPane common = grid();
        common.addRow(0, label("channels.form.kind"), kind);
        common.addRow(1, label("channels.form.name"), name);
        common.addRow(2, label("channels.form.kinds"), kinds);
        common.addRow(3, new Label(), enabled);
        robotFields.addRow(0, label("channels.form.url"), url);
        robotFields.addRow(1, label("channels.form.secret"), secret);
        mailFields.addRow(0, label("channels.form.host"), host);
        mailFields.addRow(1, label("channels.form.port"), port);
        mailFields.addRow(2, label("channels.form.security"), security);
        mailFields.addRow(3, label("channels.form.user"), username);
        mailFields.addRow(4, label("channels.form.password"), password);
        mailFields.addRow(5, label("channels.form.from"), from);
        for (GridPane g : List.of(robotFields, mailFields)) {
            g.setHgap(16);
            g.setVgap(8);
        }
        kind.valueProperty().addListener((obs, old, now) -> showFieldsOf(now));
        showFieldsOf(kind.getValue());

        Button save = new Button(I18n.get("action.save"));
        save.setId("channelSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        Button test = new Button(I18n.get("channels.form.test"));
        test.setId("channelTest");
        test.setOnAction(e -> test());
        Button cancel = new Button(I18n.get("action.cancel"));
        cancel.setId("channelCancel");
        cancel.setOnAction(e -> saved.run());
        HBox buttons = new HBox(8, save, test, cancel);
        if (existing != null) {
            Button remove = new Button(I18n.get("channels.form.remove"));
            remove.setId("channelRemove");
            remove.getStyleClass().add(Styles.DANGER);
            remove.setOnAction(e -> remove());
            buttons.getChildren().add(remove);
        }
        buttons.setAlignment(Pos.CENTER_LEFT);
        result.setId("channelResult");
        result.setWrapText(true);
        Label title = new Label(I18n.get(existing == null ? "channels.form.newTitle" : "channels.form.editTitle"));
        title.getStyleClass().add(Styles.TITLE_4);
        getChildren().addAll(title, common, robotFields, mailFields, buttons, result);
    }

    private void fill(Channel c) {
        if (c == null) {
            enabled.setSelected(true);
            kinds.setText("*");
            security.setValue(Security.STARTTLS);
            port.setText("587");
            return;
        }
        ChannelSettings s = c.settings();
        name.setText(c.name());
        enabled.setSelected(c.enabled());
        kinds.setText(String.join(", ", c.subscribedKinds()));
        url.setText(s.url());
        secret.setText(s.secret());
        host.setText(s.host());
        port.setText(s.port() == null ? "" : s.port().toString());
        security.setValue(s.security() == null ? Security.STARTTLS : s.security());
        username.setText(s.username());
        password.setText(s.password());
        from.setText(s.from());
    }

    private void showFieldsOf(ChannelKind k) {
        boolean mail = k == ChannelKind.EMAIL;
        mailFields.setVisible(mail);
        mailFields.setManaged(mail);
        robotFields.setVisible(!mail);
        robotFields.setManaged(!mail);
    }

    private ChannelDraft draft() {
        Integer portNumber;
        try {
            portNumber = port.getText() == null || port.getText().isBlank() ? null : Integer.valueOf(port.getText().strip());
        } catch (NumberFormatException e) {
            portNumber = -1; // refused by the service with its own message
        }
        ChannelKind k = kind.getValue();
        ChannelSettings settings = k == ChannelKind.EMAIL
                ? new ChannelSettings(null, null, host.getText(), portNumber, security.getValue(), username.getText(),
                password.getText(), from.getText())
                : ChannelSettings.robot(url.getText(), secret.getText());
        List<String> subscribed = Arrays.stream(String.valueOf(kinds.getText()).split("[,，\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        return new ChannelDraft(k, name.getText(), enabled.isSelected(), settings, subscribed);
    }

    private void save() {
        var actor = context.currentUser().asActor();
        ChannelDraft draft = draft();
        UUID id = existing == null ? null : existing.id();
        long version = existing == null ? 0 : existing.version();
        BackgroundTask.wrap(() -> context.channels().save(actor, id, version, draft))
                .onSuccess(c -> saved.run())
                .onFailure(this::showProblem)
                .executeWith(context.executor());
    }

    private void test() {
        var actor = context.currentUser().asActor();
        ChannelDraft draft = draft();
        UUID id = existing == null ? null : existing.id();
        result.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        result.setText(I18n.get("channels.test.sending"));
        BackgroundTask.wrap(() -> context.channels().sendTest(actor, id, draft, I18n.get("channels.test.title"),
                        I18n.get("channels.test.body", actor.displayName())))
                .onSuccess(r -> {
                    result.setText(ChannelTexts.testResult(r));
                    result.getStyleClass().add(r.delivered() ? Styles.SUCCESS : Styles.DANGER);
                    if (existing != null) {
                        changed.run();
                    }
                })
                .onFailure(this::showProblem)
                .executeWith(context.executor());
    }

    private void remove() {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.channels().delete(actor, existing.id(), existing.version()))
                .onSuccess(v -> saved.run())
                .onFailure(this::showProblem)
                .executeWith(context.executor());
    }

    private void showProblem(Throwable error) {
        result.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (error instanceof ValidationException validation) {
            result.setText(validation.problems().stream()
                    .map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
            result.getStyleClass().add(Styles.DANGER);
        } else {
            ErrorDialogs.show(error);
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        return grid;
    }

    private static Node label(String key) {
        Label l = new Label(I18n.get(key));
        l.setMinWidth(110);
        return l;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(32);
        return f;
    }
}
