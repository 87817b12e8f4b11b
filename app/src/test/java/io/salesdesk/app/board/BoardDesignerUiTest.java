package io.salesdesk.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.Board;
import io.salesdesk.board.BoardColumn;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.Tier;
import io.salesdesk.studio.board.KeyAccountBoardExample;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The board designer as a sales director uses it: a new deal board whose cards carry a custom field,
 * and the goal's 大客户专项攻坚看板 made from the example in one click, each seen on the real board.
 */
@ExtendWith(ApplicationExtension.class)
class BoardDesignerUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(workspace.context(), workspace.appearance()).createScene());
        stage.show();
    }

    private static Actor manager() {
        return workspace.context().currentUser().asActor();
    }

    private static void openNewBoardDesigner(FxRobot robot) {
        robot.clickOn("#nav-PIPELINE");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#boardSettings");
        robot.clickOn("新建看板…");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static BoardView shownBoard(FxRobot robot, String name) throws Exception {
        BoardScreen screen = robot.lookup("#pipelinePage").queryAs(BoardScreen.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen.view() != null
                && screen.view().board().name().equals(name));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Board> picker = robot.lookup("#boardPicker").queryAs(ComboBox.class);
        assertThat(picker.getValue().name()).isEqualTo(name);
        return screen.view();
    }

    private static Set<String> labels(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aDealBoardDesignedWithACustomCardFieldShowsItOnTheCards(FxRobot robot) throws Exception {
        var fields = workspace.context().customFields();
        fields.define(manager(), CustomEntity.OPPORTUNITY, new CustomFieldDraft("招标编号", "tender_no", FieldType.TEXT,
                List.of(), false, null, null));
        Opportunity deal = workspace.context().opportunities().column(manager(), "NEEDS",
                new io.salesdesk.crm.OpportunityFilter(null, null, null, null, null)).get(0);
        fields.setValues(manager(), CustomEntity.OPPORTUNITY, deal.id(), Map.of("tender_no", "ZB-2026-118"));
        openNewBoardDesigner(robot);

        robot.clickOn("#boardName").write("Tender pipeline");
        robot.clickOn("#cardField-custom-tender_no");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#boardPreview #card-extra-tender_no")
                .queryAll().isEmpty());
        assertThat(labels(robot, "#boardPreview #card-extra-tender_no")).allMatch(t -> t.startsWith("招标编号："));
        robot.clickOn("#boardSave");

        BoardView view = shownBoard(robot, "Tender pipeline");
        assertThat(view.extraFields()).extracting(f -> f.custom().label()).containsExactly("招标编号");
        BoardColumn needs = view.columns().stream().filter(c -> c.key().equals("NEEDS")).findFirst().orElseThrow();
        Card card = needs.cards().stream().filter(c -> c.id().equals(deal.id())).findFirst().orElseThrow();
        assertThat(view.extras(card).custom()).containsEntry("tender_no", "ZB-2026-118");
        robot.interact(() -> robot.lookup("#column-NEEDS").queryListView().scrollTo(needs.cards().indexOf(card)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labels(robot, "#column-NEEDS #card-extra-tender_no")).contains("招标编号：ZB-2026-118");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleMakesTheKeyAccountBoardWithTechnicalContactsNotesAndCompetitorsOnTheCards(FxRobot robot)
            throws Exception {
        openNewBoardDesigner(robot);

        robot.clickOn("#boardExample");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#boardName").queryAs(TextField.class).getText()).isEqualTo(KeyAccountBoardExample.NAME);
        assertThat(robot.lookup("#boardColumnsFrom").queryAs(ComboBox.class).getValue()).isEqualTo("custom.attack_stage");
        assertThat(robot.lookup("#cardField-custom-competitor").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#cardField-fact-KEY_CONTACT").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#factKind-MEETING").queryAs(CheckBox.class).isSelected()).isTrue();
        // A key account the manager sees, put at a stage with a competitor now the example's fields exist.
        List<Customer> keyAccounts = workspace.context().customers().page(manager(),
                CustomerQuery.all().withTier(Tier.A), 0, 1);
        Customer account = keyAccounts.get(0);
        workspace.context().customFields().setValues(manager(), CustomEntity.CUSTOMER, account.id(),
                Map.of("attack_stage", "技术交流", "competitor", "迈瑞\nGE"));
        robot.clickOn("#boardSave");

        BoardView view = shownBoard(robot, KeyAccountBoardExample.NAME);
        assertThat(view.problems()).isEmpty();
        assertThat(view.columns()).extracting(BoardColumn::key)
                .containsExactly("建立关系", "技术交流", "方案论证", "商务谈判", "签约推进", "_none");
        assertThat(view.columns()).flatExtracting(BoardColumn::cards)
                .allSatisfy(c -> assertThat(((Customer) c.item()).tier()).isEqualTo(Tier.A));
        BoardColumn talks = view.columns().get(1);
        assertThat(talks.cards()).extracting(Card::id).contains(account.id());
        Node talksList = robot.lookup("#column-" + talks.key()).query();
        assertThat(talksList).isNotNull();
        assertThat(labels(robot, "#card-extra-competitor")).contains("竞争对手：迈瑞、GE");
        assertThat(robot.lookup("#card-key-contact").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#card-notes").queryAll()).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDealBoardSplitIntoLanesByACustomFieldShowsALanePerValue(FxRobot robot) throws Exception {
        var fields = workspace.context().customFields();
        fields.define(manager(), CustomEntity.OPPORTUNITY, new CustomFieldDraft("投标方式", "bid_kind",
                FieldType.SINGLE_CHOICE, List.of("公开招标", "竞争性谈判"), false, null, null));
        Opportunity deal = workspace.context().opportunities().column(manager(), "NEEDS",
                new io.salesdesk.crm.OpportunityFilter(null, null, null, null, null)).get(0);
        fields.setValues(manager(), CustomEntity.OPPORTUNITY, deal.id(), Map.of("bid_kind", "公开招标"));
        openNewBoardDesigner(robot);

        robot.clickOn("#boardName").write("Bids by kind");
        ComboBox<String> lanes = robot.lookup("#boardSwimlane").queryAs(ComboBox.class);
        assertThat(lanes.getItems()).contains("custom.bid_kind");
        robot.interact(() -> lanes.setValue("custom.bid_kind"));
        robot.clickOn("#boardSave");

        BoardView view = shownBoard(robot, "Bids by kind");
        assertThat(view.problems()).isEmpty();
        assertThat(view.customSwimlane().label()).isEqualTo("投标方式");
        Card card = view.columns().stream().flatMap(c -> c.cards().stream()).filter(c -> c.id().equals(deal.id()))
                .findFirst().orElseThrow();
        assertThat(card.swimlane()).isEqualTo("公开招标");
        assertThat(labels(robot, ".kanban-lane-title")).contains("公开招标");
    }
}
