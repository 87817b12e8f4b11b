package io.salesdesk.app.leads;

import java.time.Clock;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.CardFaces;
import io.salesdesk.app.board.CardPresenter;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.Card;
import io.salesdesk.crm.lead.Lead;

/**
 * A lead on the status board: name, where it is, who has it and how long it has waited. The board
 * is fixed (one column per status) rather than one of the saved, configurable boards, so it has
 * no board kind.
 */
final class LeadCardPresenter implements CardPresenter {

    private final AppContext context;
    private final LeadActions actions;

    LeadCardPresenter(AppContext context, LeadActions actions) {
        this.context = context;
        this.actions = actions;
    }

    /** None: the leads board is not a saved board ({@link io.salesdesk.app.board.KanbanBoard} never asks). */
    @Override
    public BoardKind kind() {
        return null;
    }

    @Override
    public Node render(Card card, List<BoardField> fields, String colour) {
        Lead lead = (Lead) card.item();
        VBox face = new VBox(6, CardFaces.title(lead.name()));
        if (lead.regionCode() != null) {
            face.getChildren().add(CardFaces.line(context.regions().fullName(lead.regionCode()), Feather.MAP_PIN));
        }
        FlowPane chips = new FlowPane(10, 4);
        chips.getChildren().add(CardFaces.chip(lead.ownerName() == null ? I18n.get("leads.owner.none")
                : lead.ownerName(), Feather.USER, null));
        Clock clock = context.clock();
        chips.getChildren().add(CardFaces.chip(Formats.relative(lead.createdAt(), clock), Feather.CLOCK, null));
        if (lead.assignmentFlag() != null && lead.assignmentFlag() != Lead.AssignmentFlag.OVERRIDE) {
            chips.getChildren().add(CardFaces.chip(LeadTexts.flag(lead.assignmentFlag()), Feather.ALERT_TRIANGLE,
                    "kanban-card-stuck"));
        }
        face.getChildren().add(chips);
        face.getStyleClass().add("lead-card");
        return CardFaces.face(face, colour);
    }

    @Override
    public String title(Card card) {
        return ((Lead) card.item()).name();
    }

    /** The same detail as the list's; what its buttons change reaches the board through the actions. */
    @Override
    public Node detail(Card card, Runnable changed) {
        LeadDetailPane pane = new LeadDetailPane(context, actions);
        pane.show((Lead) card.item());
        return pane;
    }

    @Override
    public Node quickAdd(String column, Runnable added) {
        return null;
    }
}
