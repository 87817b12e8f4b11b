package io.salesdesk.app.leads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.KanbanBoard;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.board.BoardColumn;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import io.salesdesk.board.ColumnValue;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;

/**
 * 看板: leads in one column per status, each column in rank order with its full count. A card
 * dragged to another column moves the lead there under the status rules; into 无效 asks for the
 * reason, into 已转化 opens the conversion. Double-click (or Enter) opens the lead in a drawer.
 */
final class LeadBoardView extends BorderPane implements LeadsTab {

    /** Most cards a column loads; the count above it is all of them. */
    static final int COLUMN_LIMIT = 200;
    private static final Map<LeadStatus, String> COLOURS = Map.of(
            LeadStatus.NEW, "#8c959f", LeadStatus.ASSIGNED, "#0969da", LeadStatus.CONTACTED, "#8250df",
            LeadStatus.QUALIFIED, "#bf8700", LeadStatus.CONVERTED, "#1a7f37", LeadStatus.DISQUALIFIED, "#cf222e");

    private final AppContext context;
    private final NoticeBar notice;
    private final LeadActions actions;
    private final LeadCardPresenter presenter;
    private final KanbanBoard kanban;
    private final BorderPane drawer = new BorderPane();
    private final Map<UUID, Card> cards = new HashMap<>();
    private UUID drawerLead;
    private long generation;

    LeadBoardView(AppContext context, EventBus bus, NoticeBar notice) {
        this.context = context;
        this.notice = notice;
        this.actions = new LeadActions(context, bus, notice, this::leadChanged);
        this.presenter = new LeadCardPresenter(context, actions);
        this.kanban = new KanbanBoard(presenter, this::move, this::open, this::refresh);
        setId("leadBoard");
        getStyleClass().add("board-page");
        drawer.getStyleClass().add("board-drawer");
        drawer.setPrefWidth(380);
        drawer.setMinWidth(380);
        closeDrawer();
        HBox body = new HBox(16, kanban, drawer);
        HBox.setHgrow(kanban, Priority.ALWAYS);
        setCenter(body);
    }

    @Override
    public void refresh() {
        Actor viewer = context.currentUser().asActor();
        long mine = ++generation;
        BackgroundTask.wrap(() -> {
            Map<LeadStatus, Integer> counts = context.leads().counts(viewer);
            List<BoardColumn> columns = new ArrayList<>();
            for (LeadStatus status : LeadStatus.values()) {
                List<Card> statusCards = context.leads().column(viewer, status, COLUMN_LIMIT).stream()
                        .map(l -> new Card(l.id(), l.version(), status.name(), l.boardRank(), null, l)).toList();
                String name = LeadTexts.status(status);
                columns.add(new BoardColumn(new ColumnValue(status.name(), name, name, COLOURS.get(status),
                        status == LeadStatus.DISQUALIFIED), COLOURS.get(status), null,
                        counts.getOrDefault(status, 0), null, statusCards));
            }
            return columns;
        }).onSuccess(columns -> {
            if (mine == generation) {
                show(columns);
            }
        }).executeWith(context.executor());
    }

    private void show(List<BoardColumn> columns) {
        cards.clear();
        columns.forEach(c -> c.cards().forEach(card -> cards.put(card.id(), card)));
        // A fixed board: no saved definition, no grouping field to add by, no swimlanes.
        kanban.show(new BoardView(null, null, null, List.of(), columns, List.of()));
        if (drawerLead != null) {
            Card open = cards.get(drawerLead);
            if (open == null) {
                closeDrawer();
            } else {
                open(open);
            }
        }
    }

    /** A card dropped (or moved with the keyboard) into {@code toColumn} between two cards. */
    private void move(Card card, String toColumn, UUID above, UUID below) {
        Lead lead = (Lead) card.item();
        LeadStatus target = LeadStatus.valueOf(toColumn);
        String rank = rankBetween(above, below);
        if (target == LeadStatus.CONVERTED && lead.status() != target) {
            actions.convert(lead);
            refresh(); // the card goes there only if the conversion is saved
            return;
        }
        if (target == LeadStatus.DISQUALIFIED && lead.status() != target) {
            DisqualifyDialog.open(context, lead, rank).showAndWait().ifPresentOrElse(
                    done -> moved(done, target), this::refresh);
            return;
        }
        Actor actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.leads().move(actor, lead.id(), lead.version(), target, null, rank))
                .onSuccess(done -> moved(done, target))
                .onFailure(error -> {
                    actions.refused(lead, error);
                    refresh();
                })
                .executeWith(context.executor());
    }

    private void moved(Lead done, LeadStatus target) {
        RulesOnSave.lead(context, done.id());
        notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.board.moved", done.name(), LeadTexts.status(target)));
        refresh();
    }

    /** A rank between the neighbours the user dropped the card between; null (the top) if none fits. */
    private String rankBetween(UUID above, UUID below) {
        String aboveRank = above == null || !cards.containsKey(above) ? null : cards.get(above).rank();
        String belowRank = below == null || !cards.containsKey(below) ? null : cards.get(below).rank();
        if (aboveRank == null && belowRank == null) {
            return null;
        }
        try {
            return BoardRank.betweenNeighbours(aboveRank, belowRank);
        } catch (IllegalArgumentException | IllegalStateException crowded) {
            return null;
        }
    }

    /** A lead changed from its drawer: the board (and the open drawer) show it afresh. */
    private void leadChanged(UUID leadId) {
        refresh();
    }

    private void open(Card card) {
        drawerLead = card.id();
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("leadDrawerClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setOnAction(e -> closeDrawer());
        HBox top = new HBox(close);
        top.setAlignment(Pos.CENTER_RIGHT);
        drawer.setTop(top);
        drawer.setCenter(presenter.detail(card, this::refresh));
        drawer.setVisible(true);
        drawer.setManaged(true);
    }

    private void closeDrawer() {
        drawerLead = null;
        drawer.setVisible(false);
        drawer.setManaged(false);
        drawer.setCenter(null);
    }
}
