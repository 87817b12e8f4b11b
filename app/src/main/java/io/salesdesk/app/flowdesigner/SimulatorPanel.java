package io.salesdesk.app.flowdesigner;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.approvals.RouteView;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.common.RegionPicker;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.Route;
import io.salesdesk.workflow.approval.flow.FlowDefinition;

/**
 * 模拟: try the flow being edited (saved or not) on a record typed here — an amount, a region, the
 * person submitting — and see the path it takes with the approvers' names, or why it cannot route.
 */
final class SimulatorPanel extends VBox {

    private final AppContext context;
    private final Supplier<FlowDefinition> flow;
    private final List<User> users;
    private final Map<String, Supplier<Object>> inputs = new LinkedHashMap<>();
    private final ComboBox<User> submitter;
    private final VBox result = new VBox(8);

    SimulatorPanel(AppContext context, FlowTexts texts, List<User> users, Supplier<FlowDefinition> flow) {
        super(14);
        this.context = context;
        this.flow = flow;
        this.users = users;
        setId("fdSimulator");
        // Labels above the inputs: the region's three lists need the panel's whole width.
        VBox form = new VBox(10);
        for (ApprovalTrigger.Field field : texts.trigger().fields()) {
            form.getChildren().add(labelled(texts.field(field.name()), input(field)));
        }
        submitter = Pickers.of(users, SimulatorPanel::userLabel, I18n.get("flowdesigner.simulate.pickSubmitter"));
        submitter.setId("fdSimulateAs");
        submitter.setMaxWidth(Double.MAX_VALUE);
        users.stream().filter(u -> u.id().equals(context.currentUser().id())).findFirst()
                .ifPresent(submitter::setValue);
        form.getChildren().add(labelled(I18n.get("flowdesigner.simulate.as"), submitter));
        Button run = new Button(I18n.get("flowdesigner.simulate.run"), new FontIcon(Feather.PLAY));
        run.setId("fdSimulateRun");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(false);
        run.setOnAction(e -> simulate());
        HBox actions = new HBox(run);
        actions.setAlignment(Pos.CENTER_RIGHT);
        result.setId("fdSimulateResult");
        getChildren().addAll(FlowForms.hint(I18n.get("flowdesigner.simulate.hint")), form, actions, result);
    }

    private static VBox labelled(String text, Node input) {
        Label label = new Label(text);
        label.getStyleClass().add("form-label");
        return new VBox(4, label, input);
    }

    private static String userLabel(User u) {
        return u.displayName() + " · " + I18n.label("role", u.role())
                + (u.orgUnitName() == null ? "" : " · " + u.orgUnitName());
    }

    private Node input(ApprovalTrigger.Field field) {
        String id = "fdSimulateField-" + field.name();
        switch (field.type()) {
            case REGION -> {
                RegionPicker picker = new RegionPicker(context.regions(), id);
                picker.setId(id);
                inputs.put(field.name(), picker::code);
                return picker;
            }
            case USER -> {
                ComboBox<User> picker = Pickers.optional(javafx.collections.FXCollections.observableArrayList(users),
                        SimulatorPanel::userLabel, I18n.get("flowdesigner.simulate.noUser"));
                picker.setId(id);
                picker.setMaxWidth(Double.MAX_VALUE);
                inputs.put(field.name(), () -> picker.getValue() == null ? null : picker.getValue().id());
                return picker;
            }
            case DATE -> {
                DatePicker picker = new DatePicker();
                picker.setId(id);
                inputs.put(field.name(), () -> picker.getValue() == null ? null : picker.getValue().toString());
                return picker;
            }
            default -> {
                TextField text = new TextField();
                text.setId(id);
                boolean number = switch (field.type()) {
                    case MONEY, NUMBER, PERCENT -> true;
                    default -> false;
                };
                if (number) {
                    text.setPromptText(I18n.get("flowdesigner.condition.prompt." + field.type().name()));
                }
                inputs.put(field.name(), () -> {
                    String value = text.getText() == null ? "" : text.getText().trim().replace(",", "");
                    if (value.isEmpty()) {
                        return null;
                    }
                    if (!number) {
                        return value;
                    }
                    try {
                        return new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        throw new SalesDeskException("flowdesigner.simulate.notNumber", text.getText());
                    }
                });
                return text;
            }
        }
    }

    /** Plans the flow as it stands in the designer for the values typed. */
    void simulate() {
        Map<String, Object> fields = new HashMap<>();
        User as = submitter.getValue();
        try {
            inputs.forEach((name, value) -> {
                Object v = value.get();
                if (v != null) {
                    fields.put(name, v);
                }
            });
        } catch (SalesDeskException e) {
            showProblem(I18n.message(e));
            return;
        }
        if (as == null) {
            showProblem(I18n.get("flowdesigner.simulate.pickSubmitter"));
            return;
        }
        FlowDefinition definition = flow.get();
        BackgroundTask.wrap(() -> context.approvals().simulate(definition, fields, as.id()))
                .onSuccess(this::showRoute)
                .onFailure(error -> showProblem(I18n.message(error)))
                .executeWith(context.executor());
    }

    private void showRoute(Route route) {
        Map<UUID, String> names = users.stream().collect(Collectors.toMap(User::id, User::displayName, (a, b) -> a));
        Label summary = new Label(route.steps().isEmpty() ? I18n.get("flowdesigner.simulate.noSteps")
                : I18n.get("flowdesigner.simulate.steps", route.steps().size()), new FontIcon(Feather.CHECK_CIRCLE));
        summary.setId("fdSimulateSummary");
        summary.getStyleClass().addAll(Styles.SUCCESS, "fd-simulate-ok");
        summary.setWrapText(true);
        result.getChildren().setAll(summary, RouteView.planned(route, names));
    }

    private void showProblem(String message) {
        Label problem = new Label(message, new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setId("fdSimulateProblem");
        problem.getStyleClass().add("fd-simulate-problem");
        problem.setWrapText(true);
        result.getChildren().setAll(problem);
    }
}
