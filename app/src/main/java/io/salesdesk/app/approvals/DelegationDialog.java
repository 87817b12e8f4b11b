package io.salesdesk.app.approvals;

import java.time.LocalDate;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalDelegation;

/**
 * 外出委托: my delegations in force or to come, each of which I can cancel, and a form to set a new
 * one — first and last day, the colleague who signs for me, a note. New tasks go to them while it
 * holds; what is already in my inbox stays (the engine's rule, said in the dialog's first line).
 */
final class DelegationDialog extends FormDialog<ApprovalDelegation> {

    private final AppContext context;
    private final VBox mine = new VBox();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<User> delegate;
    private final TextField note = new TextField();
    private boolean loaded;

    private DelegationDialog(AppContext context, List<User> colleagues) {
        super(I18n.get("approvals.delegation.title"), "delegationSave");
        this.context = context;
        ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("approvals.delegation.save"));
        getDialogPane().lookupButton(getDialogPane().getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonType.CANCEL.getButtonData()).findFirst().orElseThrow())
                .setId("delegationClose");
        Label intro = new Label(I18n.get("approvals.delegation.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        Label heading = new Label(I18n.get("approvals.delegation.mine"));
        heading.getStyleClass().add(Styles.TITLE_4);
        mine.setId("delegationList");

        LocalDate today = BusinessTime.today(context.clock());
        from.setId("delegationFrom");
        from.setValue(today);
        to.setId("delegationTo");
        // The last day follows the first unless chosen: a one-day absence is one pick.
        from.valueProperty().addListener((obs, was, now) -> {
            if (now != null && (to.getValue() == null || to.getValue().isBefore(now))) {
                to.setValue(now);
            }
        });
        to.setValue(today);
        delegate = Pickers.of(colleagues, User::displayName, I18n.get("approvals.delegation.delegate.prompt"));
        delegate.setId("delegationDelegate");
        delegate.setMaxWidth(Double.MAX_VALUE);
        note.setId("delegationNote");
        note.setPromptText(I18n.get("approvals.delegation.note.prompt"));
        HBox dates = new HBox(12, field("from", I18n.get("approvals.delegation.from"), from),
                field("to", I18n.get("approvals.delegation.to"), to));
        VBox form = new VBox(12, intro, heading, mine, new Separator(), dates,
                field("delegate", I18n.get("approvals.delegation.delegate"), delegate),
                field("note", I18n.get("approvals.delegation.note"), note));
        setForm(form);
        // A fixed width: a long refusal wraps under the form instead of widening the window.
        getDialogPane().setPrefWidth(540);
        reload();
    }

    /** Opens the dialog; {@code changed} runs when it closes, as a delegation may have been set or cancelled. */
    static void open(AppContext context, Runnable changed) {
        Actor me = context.currentUser().asActor();
        List<User> colleagues = context.users().all().stream().filter(u -> !u.id().equals(me.userId())).toList();
        new DelegationDialog(context, colleagues).showAndWait();
        changed.run();
    }

    private void reload() {
        Actor me = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.approvals().delegations(me))
                .onSuccess(this::fill)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }

    private void fill(List<ApprovalDelegation> delegations) {
        if (!loaded) {
            loaded = true;
            // A new delegation starts on the first day none of mine holds, so the defaults are valid.
            LocalDate free = BusinessTime.today(context.clock());
            for (ApprovalDelegation d : delegations) {
                if (d.inForceOn(free)) {
                    free = d.endsOn().plusDays(1);
                }
            }
            from.setValue(free);
            to.setValue(free);
        }
        if (delegations.isEmpty()) {
            Label none = new Label(I18n.get("approvals.delegation.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            mine.getChildren().setAll(none);
        } else {
            mine.getChildren().setAll(delegations.stream().map(this::line).toList());
        }
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private Node line(ApprovalDelegation d) {
        boolean inForce = d.inForceOn(BusinessTime.today(context.clock()));
        Label state = new Label(I18n.get(inForce ? "approvals.delegation.inForce" : "approvals.delegation.upcoming"));
        state.getStyleClass().addAll("lead-chip", inForce ? "approval-pending" : "approval-waiting");
        state.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label(I18n.get("approvals.delegation.line", Formats.shortDate(d.startsOn(), context.clock()),
                Formats.shortDate(d.endsOn(), context.clock()), d.delegateName()));
        VBox text = new VBox(2, what);
        if (d.note() != null) {
            Label remark = new Label(d.note());
            remark.setWrapText(true);
            remark.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            text.getChildren().add(remark);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        Button cancel = new Button(I18n.get("approvals.delegation.cancel"), new FontIcon(Feather.X));
        cancel.setId("delegationCancel-" + d.id());
        cancel.getStyleClass().addAll(Styles.FLAT, Styles.DANGER, Styles.SMALL);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> {
            clearProblems();
            Actor me = context.currentUser().asActor();
            BackgroundTask.wrap(() -> {
                context.approvals().cancelDelegation(me, d.id());
                return context.approvals().delegations(me);
            }).onSuccess(this::fill).onFailure(this::showFailure).executeWith(context.executor());
        });
        HBox line = new HBox(10, state, text, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("delegation-line");
        return line;
    }

    @Override
    protected void save() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        User who = delegate.getValue();
        if (first == null || last == null) {
            fieldNamed(first == null ? "from" : "to").showProblem(I18n.get("approvals.delegation.pickDates"));
            return;
        }
        if (who == null) {
            fieldNamed("delegate").showProblem(I18n.get("approvals.delegation.pickDelegate"));
            return;
        }
        String remark = text(note);
        Actor me = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.approvals().delegate(me, first, last, who.id(), remark))
                .onSuccess(this::finish)
                .onFailure(this::refused)
                .executeWith(context.executor());
    }

    /** The engine's refusals at the field they are about; an overlap or anything else above the buttons. */
    private void refused(Throwable error) {
        String field = error instanceof SalesDeskException e ? switch (e.messageKey()) {
            case "approval.delegation.dates", "approval.delegation.past" -> "to";
            case "approval.delegation.invalid" -> "delegate";
            default -> null;
        } : null;
        if (error instanceof SalesDeskException e && e.messageKey().equals("approval.delegation.overlap")) {
            // The engine names the days as ISO dates; here they read as the rest of the dialog.
            Object[] args = e.arguments();
            showGeneralProblem(I18n.get(e.messageKey(), Formats.shortDate(LocalDate.parse(args[0].toString()),
                    context.clock()), Formats.shortDate(LocalDate.parse(args[1].toString()), context.clock()), args[2]));
        } else if (field == null) {
            showFailure(error);
        } else {
            fieldNamed(field).showProblem(I18n.message(error));
        }
    }
}
