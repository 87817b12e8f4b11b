package io.salesdesk.app.tasks;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.approvals.ApprovalRequestWindow;
import io.salesdesk.app.board.CardFaces;
import io.salesdesk.app.board.CardPresenter;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.Card;
import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.workflow.approval.ApprovalTimeouts;
import io.salesdesk.crm.User;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The supervisor's cards: what went wrong, who should have acted, since when; the drawer acknowledges, reassigns or resolves. */
final class EscalationPresenter implements CardPresenter {

    private final AppContext context;
    private final EventBus bus;

    EscalationPresenter(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.ESCALATION;
    }

    @Override
    public Node render(Card card, List<BoardField> fields, String colour) {
        Escalation e = (Escalation) card.item();
        Label title = CardFaces.title(e.subjectLabel());
        VBox face = new VBox(6, title);
        FlowPane chips = new FlowPane(10, 4);
        for (BoardField field : fields) {
            switch (field) {
                case ESCALATION_KIND -> chips.getChildren().add(CardFaces.chip(kindName(e.kind()), Feather.ALERT_TRIANGLE, null));
                case RESPONSIBLE -> chips.getChildren().add(CardFaces.chip(e.ownerName(), Feather.USER, null));
                case REASON -> {
                    face.getChildren().add(CardFaces.line(e.reason(), null));
                }
                case ESCALATION_DUE -> {
                    if (e.dueAt() != null && e.status() != EscalationStatus.RESOLVED) {
                        chips.getChildren().add(CardFaces.chip(Formats.dateTime(e.dueAt(), context.clock().getZone()),
                                Feather.CLOCK, e.overdue(context.clock()) ? "kanban-card-late" : null));
                    }
                }
                case RAISED -> chips.getChildren().add(CardFaces.chip(Formats.relative(e.raisedAt(), context.clock()),
                        Feather.BELL, null));
                default -> { }
            }
        }
        if (!chips.getChildren().isEmpty()) {
            face.getChildren().add(chips);
        }
        return CardFaces.face(face, colour);
    }

    @Override
    public String title(Card card) {
        return ((Escalation) card.item()).subjectLabel();
    }

    @Override
    public String laneTitle(String lane) {
        return kindName(lane);
    }

    @Override
    public String reason(Card card) {
        return ((Escalation) card.item()).resolutionNote();
    }

    @Override
    public Node quickAdd(String column, Runnable added) {
        // Escalations are raised by rules, never typed in.
        return null;
    }

    @Override
    public Node detail(Card card, Runnable changed) {
        Escalation e = (Escalation) card.item();
        var actor = context.currentUser().asActor();
        Label title = new Label(e.subjectLabel());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Label reason = new Label(e.reason());
        reason.setWrapText(true);
        VBox detail = new VBox(12, title, new Label(kindName(e.kind()), new FontIcon(Feather.ALERT_TRIANGLE)),
                reason, new Label(e.ownerName(), new FontIcon(Feather.USER)),
                new Label(I18n.get("escalations.raised", Formats.dateTime(e.raisedAt(), context.clock().getZone())),
                        new FontIcon(Feather.BELL)));
        if ("customer".equals(e.subjectEntity())) {
            Hyperlink open = new Hyperlink(I18n.get("escalations.openCustomer"), new FontIcon(Feather.BRIEFCASE));
            open.setOnAction(ev -> bus.publish(new Navigation.OpenCustomer(e.subjectId(), e.subjectLabel())));
            detail.getChildren().add(open);
        } else if (ApprovalTimeouts.SUBJECT.equals(e.subjectEntity())) {
            Hyperlink open = new Hyperlink(I18n.get("escalations.openApproval"), new FontIcon(Feather.CHECK_SQUARE));
            open.setId("openEscalatedApproval");
            open.setOnAction(ev -> ApprovalRequestWindow.show(context, open.getScene().getWindow(), e.subjectId()));
            detail.getChildren().add(open);
        }
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        if (e.status() != EscalationStatus.RESOLVED) {
            Button acknowledge = new Button(I18n.get("escalations.acknowledge"), new FontIcon(Feather.EYE));
            acknowledge.setId("acknowledgeEscalation");
            acknowledge.setDisable(e.status() == EscalationStatus.ACKNOWLEDGED);
            acknowledge.setOnAction(ev -> run(() -> context.escalations().acknowledge(actor, e.id(), e.version()),
                    changed, problem));
            ComboBox<User> owner = Pickers.of(context.users().visibleOwners(actor), User::displayName,
                    I18n.get("escalations.reassignTo"));
            owner.setPrefWidth(200);
            Button reassign = new Button(I18n.get("escalations.reassign"), new FontIcon(Feather.USER_CHECK));
            reassign.disableProperty().bind(owner.valueProperty().isNull());
            reassign.setOnAction(ev -> run(() -> context.escalations().reassign(actor, e.id(), e.version(),
                    owner.getValue().id()), changed, problem));
            TextField note = new TextField();
            note.setId("resolutionNote");
            note.setPromptText(I18n.get("escalations.note"));
            Button resolve = new Button(I18n.get("escalations.resolve"), new FontIcon(Feather.CHECK));
            resolve.setId("resolveEscalation");
            resolve.getStyleClass().add(Styles.SUCCESS);
            resolve.disableProperty().bind(note.textProperty().map(String::isBlank));
            resolve.setOnAction(ev -> run(() -> context.escalations().resolve(actor, e.id(), e.version(),
                    note.getText()), changed, problem));
            HBox reassignRow = new HBox(8, owner, reassign);
            reassignRow.setAlignment(Pos.CENTER_LEFT);
            detail.getChildren().addAll(acknowledge, reassignRow, note, resolve, problem);
        } else if (e.resolutionNote() != null) {
            detail.getChildren().add(new Label(I18n.get("escalations.resolvedWith", e.resolutionNote())));
        }
        detail.setId("escalationDetail");
        detail.getStyleClass().add("board-detail");
        return detail;
    }

    private void run(java.util.concurrent.Callable<?> action, Runnable changed, Label problem) {
        BackgroundTask.wrap(action).onSuccess(done -> changed.run())
                .onFailure(error -> problem.setText(I18n.message(error)))
                .executeWith(context.executor());
    }

    private static String kindName(String kind) {
        String key = "escalationKind." + kind;
        return I18n.has(key) ? I18n.get(key) : kind;
    }

}
