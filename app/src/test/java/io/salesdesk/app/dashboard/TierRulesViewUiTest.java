package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

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
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
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

    private static void clear(FxRobot robot) {
        robot.interact(() -> robot.lookup("#tierFormula").queryTextInputControl().clear());
    }
}
