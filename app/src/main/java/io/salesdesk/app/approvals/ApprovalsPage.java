package io.salesdesk.app.approvals;

import java.util.List;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.workflow.approval.ApprovalDelegation;
import io.salesdesk.workflow.approval.ApprovalService;

/**
 * 审批: what waits for the viewer (待我审批, most urgent first, with the time left), the requests they
 * submitted (我提交的) and what they decided (已处理); beside the list, the selected request with its
 * route, history and the viewer's actions. Ctrl+Enter approves the selected task. 外出委托… sets who signs
 * for the viewer while away; a banner says so as long as it holds.
 */
public final class ApprovalsPage extends BorderPane {

    /** The lists of the page, in the order of the switch. */
    enum View {
        INBOX(Feather.INBOX), SUBMITTED(Feather.SEND), DONE(Feather.CHECK_CIRCLE);

        private final Feather icon;

        View(Feather icon) {
            this.icon = icon;
        }
    }

    private static final int LIMIT = 200;
    /** The inbox opens on its most urgent tasks; more come a page at a time (an inbox may hold thousands). */
    private static final int INBOX_PAGE = 500;
    private static final KeyCombination APPROVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final AppContext context;
    private final EventBus bus;
    private final ObservableList<ApprovalItem> items = FXCollections.observableArrayList();
    private final FilteredList<ApprovalItem> shown = new FilteredList<>(items);
    private final ListView<ApprovalItem> list = new ListView<>(shown);
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private final Hyperlink more = new Hyperlink(I18n.get("approvals.more"));
    private int inboxShown = INBOX_PAGE;
    private int total;
    private final Label empty = new Label();
    private final Label banner = new Label();
    private final ApprovalDetailPane detail;
    private final ToggleGroup group = new ToggleGroup();
    private View view = View.INBOX;

    public ApprovalsPage(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        setId("approvalsPage");
        getStyleClass().add("page");
        detail = new ApprovalDetailPane(context, this::reloadKeepingOpen);
        setTop(new VBox(10, createHeader(), createBanner()));
        setCenter(createBody());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (APPROVE.match(e)) {
                detail.approve();
                e.consume();
            }
        });
        show(View.INBOX);
    }

    private HBox createHeader() {
        Label title = new Label(I18n.get("approvals.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        HBox segments = new HBox();
        View[] views = View.values();
        for (int i = 0; i < views.length; i++) {
            View v = views[i];
            ToggleButton button = new ToggleButton(I18n.get("approvals.view." + v.name()), new FontIcon(v.icon));
            button.setId("approvalsView-" + v.name());
            button.setUserData(v);
            button.setToggleGroup(group);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == views.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setOnAction(e -> show(v));
            segments.getChildren().add(button);
        }
        filter.setId("approvalsFilter");
        filter.setPromptText(I18n.get("approvals.filter.prompt"));
        filter.setPrefColumnCount(18);
        filter.textProperty().addListener((obs, was, now) -> applyFilter());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button delegation = new Button(I18n.get("approvals.delegation"), new FontIcon(Feather.CALENDAR));
        delegation.setId("approvalsDelegation");
        delegation.setOnAction(e -> DelegationDialog.open(context, this::refreshBanner));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        more.setId("approvalsMore");
        more.setVisible(false);
        more.setManaged(false);
        more.setOnAction(e -> {
            inboxShown = Math.min(inboxShown + INBOX_PAGE, ApprovalService.INBOX_LIMIT);
            reload(detail.current());
        });
        HBox header = new HBox(16, title, segments, filter, count, more, gap, delegation);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    /** 委托中：3月1日–3月7日由 李娜 代为审批 — shown while a delegation of mine is in force. */
    private Label createBanner() {
        banner.setId("approvalsDelegationBanner");
        banner.setGraphic(new FontIcon(Feather.CALENDAR));
        banner.getStyleClass().add("approval-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setVisible(false);
        banner.setManaged(false);
        refreshBanner();
        return banner;
    }

    private void refreshBanner() {
        Actor viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.approvals().delegations(viewer).stream()
                        .filter(d -> d.inForceOn(BusinessTime.today(context.clock()))).findFirst())
                .onSuccess(away -> {
                    ApprovalDelegation d = away.orElse(null);
                    banner.setText(d == null ? "" : I18n.get("approvals.banner.delegating",
                            Formats.shortDate(d.startsOn(), context.clock()),
                            Formats.shortDate(d.endsOn(), context.clock()), d.delegateName()));
                    banner.setVisible(d != null);
                    banner.setManaged(d != null);
                })
                .executeWith(context.executor());
    }

    private SplitPane createBody() {
        list.setId("approvalsList");
        list.setCellFactory(v -> new ApprovalCell(context.clock()));
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            // A line that left the list (just decided) keeps its request open beside it.
            if (now != null) {
                detail.show(now.requestId());
            }
        });
        SplitPane split = new SplitPane(list, detail);
        split.setDividerPositions(0.42);
        SplitPane.setResizableWithParent(detail, false);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        return split;
    }

    /** Switches to a list, read afresh, its first line open. */
    void show(View wanted) {
        view = wanted;
        group.getToggles().stream().filter(t -> t.getUserData() == wanted).findFirst()
                .ifPresent(t -> t.setSelected(true));
        detail.show(null);
        reload(null);
    }

    /** After the viewer acted: the list afresh, the request just acted on still open. */
    private void reloadKeepingOpen() {
        reload(detail.current());
        bus.publish(new ApprovalsChanged());
    }

    /** Reads the list shown again, keeping {@code keep} selected while it is still listed. */
    private void reload(UUID keep) {
        Actor viewer = context.currentUser().asActor();
        View reading = view;
        int page = inboxShown;
        BackgroundTask.wrap(() -> switch (reading) {
            case INBOX -> new Page(context.approvals().inbox(viewer, page).stream().map(ApprovalItem::of).toList(),
                    context.approvals().inboxCount(viewer));
            case SUBMITTED -> Page.of(context.approvals().submitted(viewer, LIMIT).stream().map(ApprovalItem::of)
                    .toList());
            case DONE -> Page.of(context.approvals().done(viewer, LIMIT).stream().map(ApprovalItem::of).toList());
        }).onSuccess(loaded -> {
            if (reading == view) {
                total = loaded.total();
                fill(loaded.items(), keep);
            }
        }).executeWith(context.executor());
    }

    /** What a list read: its lines, and how many there are in all (more than the lines for a long inbox). */
    private record Page(List<ApprovalItem> items, int total) {

        static Page of(List<ApprovalItem> items) {
            return new Page(items, items.size());
        }
    }

    private void fill(List<ApprovalItem> loaded, UUID keep) {
        items.setAll(loaded);
        applyFilter();
        ApprovalItem kept = shown.stream().filter(i -> i.requestId().equals(keep)).findFirst().orElse(null);
        if (kept != null) {
            list.getSelectionModel().select(kept);
        } else if (keep == null && !shown.isEmpty()) {
            // Cleared first: when the list reads the same lines again, the first one may still be
            // selected, and selecting it again would not open it in the emptied detail pane.
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().select(0);
        }
    }

    private void applyFilter() {
        String text = filter.getText();
        shown.setPredicate(i -> i.matches(text));
        boolean partial = total > items.size();
        count.setText(partial ? I18n.get("approvals.count.partial", shown.size(), total)
                : I18n.get("approvals.count", shown.size()));
        more.setVisible(partial && items.size() < ApprovalService.INBOX_LIMIT);
        more.setManaged(more.isVisible());
        empty.setText(items.isEmpty() ? I18n.get("approvals.empty." + view.name())
                : I18n.get("approvals.empty.filtered", text == null ? "" : text.strip()));
    }
}
