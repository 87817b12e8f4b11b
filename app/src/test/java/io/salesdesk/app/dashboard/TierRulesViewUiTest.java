package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.crm.User;
import io.salesdesk.insight.demo.DemoFunnels;
import io.salesdesk.insight.tier.BonusRow;
import io.salesdesk.insight.tier.TierRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tier rules view on the demo workspace as the GM sees it: the demo's three rules, the quarter's
 * completion and bonus coefficients, and the formula edited (a bad one refused in words).
 */
@ExtendWith(ApplicationExtension.class)
class TierRulesViewUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    Stage stage;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        new DemoFunnels(context.database(), context.clock()).create(42);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The window's theme, whose type and rows are larger than JavaFX's own.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        User gm = context.users().byUsername("gm").orElseThrow();
        context.setCurrentUser(gm);
        BorderPane root = new BorderPane(new TierRulesView(context, new EventBus()));
        Stylesheets.addTo(root);
        stage.setScene(new Scene(root, 1400, 900));
        stage.show();
    }

    @Test
    void showsRulesCompletionAndCoefficientsAndEditsTheFormula(FxRobot robot) {
        TableView<TierRule> rules = robot.lookup("#tierRules").queryTableView();
        assertThat(rules.getItems()).extracting(TierRule::name).contains("A 类客户：每月 2 次技术演示");
        TableView<BonusRow> bonus = robot.lookup("#tierBonus").queryTableView();
        assertThat(bonus.getItems()).isNotEmpty()
                .allSatisfy(b -> assertThat(b.coefficient()).isIn(new BigDecimal("0.80"), new BigDecimal("1.00"),
                        new BigDecimal("1.20"), null));
        assertThat(robot.lookup("#tierTeams").queryTableView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#tierFormula").queryTextInputControl().getText())
                .isEqualTo("0:0.80, 60:1.00, 90:1.20");

        clear(robot);
        robot.clickOn("#tierFormula").write("10:1.0");
        robot.clickOn("#tierFormulaSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tierFormulaError").queryLabeled().getText()).contains("0%");

        clear(robot);
        robot.clickOn("#tierFormula").write("0:0.9, 60:1.0, 90:1.3");
        robot.clickOn("#tierFormulaSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.tiers().formula().bands()).hasSize(3)
                .last().satisfies(b -> assertThat(b.coefficient()).isEqualByComparingTo("1.3"));
        assertThat(robot.lookup("#tierFormulaError").queryLabeled().getText()).isEmpty();
    }

    @Test
    void everyColumnReadsInFullInTheDashboardOfA1600By1000Window(FxRobot robot) {
        // The dashboard's tab is about 1,130 × 640 of a 1600 × 1000 window, beside the navigation.
        robot.interact(() -> {
            stage.setWidth(1130);
            stage.setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String table : List.of("#tierRules", "#tierBonus", "#tierTeams")) {
            Set<Node> labels = robot.lookup(table + " .column-header .label").queryAll();
            assertThat(labels).as(table).isNotEmpty();
            for (Node node : labels) {
                Labeled label = (Labeled) node;
                // With room to spare: Windows' and macOS' Chinese fonts run wider than the test's.
                assertThat(label.getWidth()).as(table + " header " + label.getText())
                        .isGreaterThanOrEqualTo(textWidth(label) * 1.2 + 16);
            }
            for (Node cell : robot.lookup(table + " .table-cell").queryAll()) {
                String text = ((Labeled) cell).getText();
                if (text != null && !text.isEmpty() && cell.isVisible()) {
                    assertThat(shown(cell)).as(table + " cell").isEqualTo(text);
                }
            }
        }
        // All three demo rules in view, none behind a scroll bar.
        TableView<TierRule> rules = robot.lookup("#tierRules").queryTableView();
        assertThat(robot.lookup("#tierRules .table-row-cell").queryAll().stream()
                .filter(row -> ((TableRow<?>) row).getItem() != null)
                .filter(row -> row.localToScene(row.getBoundsInLocal()).getMaxY()
                        <= rules.localToScene(rules.getBoundsInLocal()).getMaxY() + 1))
                .hasSize(rules.getItems().size());
    }

    private static double textWidth(Labeled label) {
        Text text = new Text(label.getText());
        text.setFont(label.getFont());
        return text.getLayoutBounds().getWidth();
    }

    /** The text a label or cell draws: its own, or cut off with an ellipsis. */
    private static String shown(Node labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : ((Labeled) labeled).getText();
    }

    private static void clear(FxRobot robot) {
        robot.interact(() -> robot.lookup("#tierFormula").queryTextInputControl().clear());
    }
}
