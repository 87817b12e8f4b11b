package io.salesdesk.app.flowdesigner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FlowNode;

/**
 * 审批流程设计: the flow of one trigger drawn as cards on the left, the selected node's settings and
 * the simulator on the right, checking and saving at the top. Saving makes a new version; requests
 * already running keep the version they started with.
 */
public final class FlowDesigner extends BorderPane {

    private final AppContext context;
    private final ApprovalTrigger trigger;
    private final FlowDraft draft;
    private final FlowTexts texts;
    private final List<User> users;
    private final FlowCanvas canvas;
    private final VBox editorSlot = new VBox();
    private final TabPane side = new TabPane();
    private final Tab editorTab;
    private final Label status = new Label();
    private final VBox summary = new VBox(4);
    private final Runnable onSaved;
    private Selection selection;
    private Map<String, List<String>> problems = Map.of();
    private boolean checking;
    private boolean dirty;

    /**
     * @param onSaved called after each successful save (the settings list refreshes)
     */
    public FlowDesigner(AppContext context, ApprovalTrigger trigger, Runnable onSaved) {
        this.context = context;
        this.trigger = trigger;
        this.onSaved = onSaved;
        setId("flowDesigner");
        getStyleClass().add("fd-root");
        this.users = context.users().all().stream().sorted(Comparator.comparing(User::username)).toList();
        this.texts = new FlowTexts(trigger,
                login -> users.stream().filter(u -> u.username().equals(login)).findFirst()
                        .map(User::displayName).orElse(login),
                code -> context.regions().byCode(code).map(io.salesdesk.crm.Region::name).orElse(code));
        this.draft = load();
        this.canvas = new FlowCanvas(draft, texts, this::select);
        editorTab = new Tab(I18n.get("flowdesigner.tab.node"), scrolled(editorSlot, "fdEditorScroll"));
        editorTab.setGraphic(new FontIcon(Feather.SLIDERS));
        editorTab.setId("fdTabNode");
        Tab simulatorTab = new Tab(I18n.get("flowdesigner.tab.simulate"),
                scrolled(new SimulatorPanel(context, texts, users, draft::definition), "fdSimulatorScroll"));
        simulatorTab.setGraphic(new FontIcon(Feather.PLAY_CIRCLE));
        simulatorTab.setId("fdTabSimulate");
        side.getTabs().addAll(editorTab, simulatorTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(440);
        side.setMinWidth(360);
        side.getStyleClass().add("fd-side");
        setTop(toolbar());
        ScrollPane canvasScroll = new ScrollPane(canvas);
        canvasScroll.setId("fdCanvasScroll");
        canvasScroll.setFitToWidth(true);
        canvasScroll.setFitToHeight(true);
        canvasScroll.getStyleClass().add("fd-canvas-scroll");
        summary.setId("fdProblemSummary");
        summary.getStyleClass().add("fd-summary");
        summary.setVisible(false);
        summary.setManaged(false);
        VBox center = new VBox(summary, canvasScroll);
        VBox.setVgrow(canvasScroll, Priority.ALWAYS);
        setCenter(center);
        setRight(side);
        draft.onChange(this::changed);
        select(null);
    }

    private FlowDraft load() {
        String entity = trigger.entity();
        String action = trigger.action();
        Optional<String> name = context.approvals().flows().stream()
                .filter(f -> f.entity().equals(entity) && f.action().equals(action)).findFirst()
                .map(io.salesdesk.workflow.approval.FlowSummary::name);
        return context.approvals().flow(entity, action)
                .map(definition -> new FlowDraft(name.orElse(""), definition))
                .orElseGet(() -> FlowDraft.fresh(I18n.get("flowdesigner.newFlowName",
                        FlowLabels.trigger(entity, action)), I18n.get("flowdesigner.step.managerName")));
    }

    private Node toolbar() {
        Label title = new Label(I18n.get("flowdesigner.title"), new FontIcon(Feather.GIT_PULL_REQUEST));
        title.getStyleClass().add(Styles.TITLE_4);
        Label what = new Label(FlowLabels.trigger(trigger.entity(), trigger.action()));
        what.setId("fdTrigger");
        what.getStyleClass().addAll(Styles.TEXT_SMALL, "fd-chip");
        TextField name = new TextField(draft.name());
        name.setId("fdFlowName");
        name.setPromptText(I18n.get("flowdesigner.flowName"));
        name.setPrefWidth(340);
        name.textProperty().addListener((obs, o, n) -> {
            draft.setName(n == null ? "" : n.trim());
            markDirty();
        });
        status.setId("fdStatus");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button check = new Button(I18n.get("flowdesigner.check"), new FontIcon(Feather.CHECK_SQUARE));
        check.setId("fdCheck");
        check.setOnAction(e -> check());
        Button save = new Button(I18n.get("flowdesigner.save"), new FontIcon(Feather.SAVE));
        save.setId("fdSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        HBox bar = new HBox(12, title, what, name, spacer, status, check, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("fd-toolbar");
        return bar;
    }

    private static ScrollPane scrolled(Node content, String id) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(16));
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    // ------------------------------------------------------------------ selection and editing

    private void select(Selection chosen) {
        selection = chosen;
        Node editor;
        Optional<FlowNode> node = chosen == null ? Optional.empty() : draft.find(chosen.nodeId());
        if (node.isPresent() && chosen.isBranch() && node.get() instanceof Branches fork
                && chosen.branchIndex() < fork.branches().size()) {
            editor = titled(I18n.get(fork.exclusive() ? "flowdesigner.editor.branch" : "flowdesigner.editor.parallel"),
                    new BranchEditor(draft, fork, chosen.branchIndex(), texts));
        } else if (node.isPresent() && node.get() instanceof ApprovalStep step) {
            editor = titled(I18n.get("flowdesigner.editor.step"), new StepEditor(draft, step, texts, users));
        } else {
            selection = null;
            editor = titled(I18n.get("flowdesigner.editor.flow"), new FlowOptionsEditor(draft));
        }
        editorSlot.getChildren().setAll(editor);
        side.getSelectionModel().select(editorTab);
        canvas.render(selection, problems);
    }

    private static Node titled(String title, Node editor) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(14, heading, editor);
    }

    private void changed() {
        markDirty();
        boolean gone = selection != null && (draft.find(selection.nodeId()).isEmpty()
                || (selection.isBranch() && draft.branch(selection.nodeId(), selection.branchIndex()).isEmpty()));
        if (checking) {
            showProblems(context.approvals().validate(draft.definition()));
        }
        if (gone) {
            select(null);
        } else {
            canvas.render(selection, problems);
        }
    }

    /** Whether there are edits not saved yet (the window asks before closing). */
    public boolean hasUnsavedChanges() {
        return dirty;
    }

    private void markDirty() {
        dirty = true;
        status.getStyleClass().removeAll(Styles.SUCCESS);
        status.setText(I18n.get("flowdesigner.status.unsaved"));
    }

    // ------------------------------------------------------------------ checking and saving

    /** Runs the engine's checks and shows each problem at its node; true when there is none. */
    boolean check() {
        checking = true;
        List<FieldProblem> found = context.approvals().validate(draft.definition());
        showProblems(found);
        canvas.render(selection, problems);
        if (found.isEmpty()) {
            status.setText(I18n.get("flowdesigner.status.ok"));
        }
        return found.isEmpty();
    }

    private void showProblems(List<FieldProblem> found) {
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (FieldProblem problem : found) {
            String text = I18n.get(problem.messageKey(), problem.arguments().toArray());
            byNode.computeIfAbsent(problem.field(), k -> new ArrayList<>()).add(text);
            all.add(text);
        }
        problems = byNode;
        summary.getChildren().clear();
        if (!all.isEmpty()) {
            Label head = new Label(I18n.get("flowdesigner.problems", all.size()), new FontIcon(Feather.ALERT_TRIANGLE));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            summary.getChildren().add(head);
            all.forEach(text -> summary.getChildren().add(new Label("· " + text)));
        }
        summary.setVisible(!all.isEmpty());
        summary.setManaged(!all.isEmpty());
    }

    private void save() {
        if (!check()) {
            return;
        }
        String name = draft.name() == null || draft.name().isBlank()
                ? FlowLabels.trigger(trigger.entity(), trigger.action()) : draft.name();
        var actor = context.currentUser().asActor();
        var definition = draft.definition();
        BackgroundTask.wrap(() -> context.approvals().saveFlow(actor, trigger.entity(), trigger.action(), name,
                        definition))
                .onSuccess(version -> {
                    dirty = false;
                    status.setText(I18n.get("flowdesigner.status.saved", version));
                    status.getStyleClass().add(Styles.SUCCESS);
                    onSaved.run();
                })
                .onFailure(error -> {
                    if (error instanceof ValidationException invalid) {
                        showProblems(invalid.problems());
                        canvas.render(selection, problems);
                    } else {
                        ErrorDialogs.show(error);
                    }
                })
                .executeWith(context.executor());
    }
}
