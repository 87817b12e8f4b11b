package io.salesdesk.app.leads;

import static io.salesdesk.db.jooq.Tables.REP_TERRITORY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.core.Role;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.Ids;
import io.salesdesk.app.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testfx.matcher.control.LabeledMatchers;
import io.salesdesk.crm.pool.PoolCustomer;

/**
 * The leads page as the Zhejiang regional manager uses it: a new lead from Hangzhou goes to the rep
 * who covers Hangzhou with the reason in words, a lead is disqualified only with a reason, and a
 * customer claimed from the pool leaves it.
 */
@ExtendWith(ApplicationExtension.class)
class LeadsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final String POOLED_NAME = "杭州公海领取测试医院";

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User manager;
    static User hangzhouRep;
    static Customer pooled;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        manager = context.users().byUsername("manager.zj").orElseThrow();
        hangzhouRep = context.users().byUsername("rep.zj1").orElseThrow();
        User otherRep = context.users().byUsername("rep.zj2").orElseThrow();
        context.setCurrentUser(manager);
        // The demo has no territories yet: rep.zj1 sells in Hangzhou (杭州市), nobody else has one.
        context.database().transaction(cfg -> DSL.using(cfg).insertInto(REP_TERRITORY)
                .set(REP_TERRITORY.USER_ID, hangzhouRep.id()).set(REP_TERRITORY.REGION_CODE, "330100").execute());
        // A customer its rep gave up, back in the Zhejiang pool.
        Actor actor = manager.asActor();
        Customer owned = context.customers().create(actor, new CustomerDraft(POOLED_NAME, null, Tier.B, "HOSPITAL",
                "330106", "浙江省杭州市西湖区天目山路 88 号", null, otherRep.id()));
        context.pool().release(actor, owned.id(), owned.version(), "客户半年未回应，退回公海");
        pooled = owned;
    }

    /**
     * Puts the whole text in a search field at once, as a paste, so that exactly one search runs, and
     * waits until it has (the field waits 150 ms for the typing to stop).
     */
    private static void search(FxRobot robot, String field, String text) {
        TextField box = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> box.setText(text));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewLeadFromHangzhouGoesToTheRepWhoCoversHangzhouWithTheReason(FxRobot robot) {
        String name = "杭州明远口腔门诊部";
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#newLead");
        robot.clickOn("#leadName").write(name);
        robot.clickOn("#leadAddress").write("浙江省杭州市西湖区文三路 90 号");
        assertThat(robot.lookup("#leadAddressRegion").queryAs(Label.class).getText()).contains("杭州市");
        robot.clickOn("#leadSave");
        WaitForAsyncUtils.waitForFxEvents();

        TableView<Lead> table = robot.lookup("#leadTable").queryAs(TableView.class);
        Lead shown = table.getSelectionModel().getSelectedItem();
        assertThat(shown).isNotNull();
        assertThat(shown.name()).isEqualTo(name);
        assertThat(shown.ownerId()).isEqualTo(hangzhouRep.id());
        assertThat(shown.assignmentFlag()).isNull();
        String reason = robot.lookup("#leadReason").queryAs(Label.class).getText();
        assertThat(reason).startsWith("分配给" + hangzhouRep.displayName()).contains("区域匹配 杭州市");
        assertThat(robot.lookup("#leadsNoticeText").queryAs(Label.class).getText())
                .contains(name).contains("分配给" + hangzhouRep.displayName());
        // And so it is in the database, not only on screen.
        Lead saved = context.leads().find(manager.asActor(), shown.id()).orElseThrow();
        assertThat(saved.ownerId()).isEqualTo(hangzhouRep.id());
        assertThat(saved.assignmentReason()).isEqualTo(reason);
    }

    @Test
    void aLeadWhoseAddressNamesNoRegionIsFlaggedAsFallback(FxRobot robot) {
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#newLead");
        robot.clickOn("#leadName").write("无地址测试诊所");
        robot.clickOn("#leadSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#leadDetailName").queryAs(Label.class).getText()).isEqualTo("无地址测试诊所");
        assertThat(robot.lookup("#leadFlag").queryAs(Label.class).getText()).contains("兜底分配");
        assertThat(robot.lookup("#leadReason").queryAs(Label.class).getText()).contains("线索无区域");
    }

    @Test
    @SuppressWarnings("unchecked")
    void disqualifyingAsksForTheReasonAndKeepsIt(FxRobot robot) throws Exception {
        String name = "杭州无需求测试卫生院";
        Lead lead = context.dispatch().capture(manager.asActor(), new LeadDraft(name, null, null,
                "浙江省杭州市余杭区文一西路 1500 号", null, "PRIMARY_CARE", null, "展会", null), ChangeReason.user()).lead();
        robot.clickOn("#nav-LEADS");
        search(robot, "#leadSearch", name);
        TableView<Lead> table = robot.lookup("#leadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).id().equals(lead.id()));
        robot.clickOn(robot.lookup("#leadTable .table-row-cell").match((TableRow<Lead> row) -> row.getIndex() == 0)
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#leadDetailName").queryAs(Label.class).getText()).isEqualTo(name);

        robot.clickOn("#leadDisqualify");
        robot.clickOn("#disqualifySave");
        WaitForAsyncUtils.waitForFxEvents();
        TextArea reason = robot.lookup("#disqualifyReason").queryAs(TextArea.class);
        FormField field = (FormField) reason.getParent();
        assertThat(field.problemLabel().getText()).isEqualTo("请填写无效原因");
        assertThat(context.leads().find(manager.asActor(), lead.id()).orElseThrow().status())
                .isEqualTo(LeadStatus.ASSIGNED);

        robot.clickOn(reason).write("无采购需求");
        robot.clickOn("#disqualifySave");
        WaitForAsyncUtils.waitForFxEvents();

        Lead now = context.leads().find(manager.asActor(), lead.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(now.disqualifyReason()).isEqualTo("无采购需求");
        assertThat(robot.lookup("#leadDetailStatus").queryAs(Label.class).getText()).isEqualTo("无效");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reassigningALeadAFlowCoversSaysItWentToApprovalAndKeepsTheOwner(FxRobot robot) throws Exception {
        User admin = context.users().all().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow();
        context.approvals().saveFlow(admin.asActor(), ChangeApproval.LEAD, ChangeApproval.REASSIGN, "渠道线索改派",
                new FlowDefinition(List.of(new Branches("bySource", true, List.of(new Branch("渠道转介",
                        new Expression("source == \"渠道转介\""), List.of(new ApprovalStep("admin", "管理员审批",
                                Approvers.role("ADMIN"), SignMode.ANY, null)))))), true, false, true));
        String name = "杭州渠道转介测试医院";
        Lead lead = context.dispatch().capture(manager.asActor(), new LeadDraft(name, null, null,
                "浙江省杭州市西湖区文三路 100 号", null, "HOSPITAL", null, "渠道转介", null), ChangeReason.user()).lead();
        User otherRep = context.users().byUsername("rep.zj2").orElseThrow();
        robot.clickOn("#nav-LEADS");
        search(robot, "#leadSearch", name);
        TableView<Lead> table = robot.lookup("#leadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).id().equals(lead.id()));
        robot.clickOn(robot.lookup("#leadTable .table-row-cell").match((TableRow<Lead> row) -> row.getIndex() == 0)
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#leadReassign");
        ComboBox<User> rep = robot.lookup("#reassignRep").queryAs(ComboBox.class);
        robot.interact(() -> rep.getSelectionModel().select(rep.getItems().stream()
                .filter(u -> u != null && u.id().equals(otherRep.id())).findFirst().orElseThrow()));
        robot.clickOn("#reassignReason").write("渠道方指定");
        robot.clickOn("#reassignSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#leadsNoticeText").queryAs(Label.class).getText())
                .isEqualTo("「" + name + "」的改派已提交审批，批准后生效。");
        assertThat(context.leads().find(manager.asActor(), lead.id()).orElseThrow().ownerId())
                .isEqualTo(lead.ownerId());
        assertThat(context.approvals().pendingFor(ChangeApproval.LEAD, lead.id())).isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimingAPoolCustomerTakesItOutOfThePoolAndMakesItMine(FxRobot robot) throws Exception {
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#leadsView-POOL");
        search(robot, "#poolSearch", POOLED_NAME);
        TableView<PoolCustomer> table = robot.lookup("#poolTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems()).extracting(PoolCustomer::id).containsExactly(pooled.id());
        assertThat(table.getItems().get(0).poolReason()).isEqualTo("客户半年未回应，退回公海");
        String before = robot.lookup("#claimsLeft").queryAs(Label.class).getText();
        assertThat(before).isEqualTo("今日还可领取 5 / 5");

        robot.clickOn("#claim-" + pooled.id());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).extracting(PoolCustomer::id).doesNotContain(pooled.id());
        assertThat(robot.lookup("#claimsLeft").queryAs(Label.class).getText()).isEqualTo("今日还可领取 4 / 5");
        assertThat(robot.lookup("#leadsNoticeText").queryAs(Label.class).getText())
                .contains(POOLED_NAME).contains("现在是你的客户");
        Customer now = context.customers().open(manager.asActor(), pooled.id()).orElseThrow().customer();
        assertThat(now.ownerId()).isEqualTo(manager.id());
        assertThat(context.pool().pool(manager.asActor(), POOLED_NAME)).isEmpty();
    }

    @Test
    void waitingLeadsGoToTheirRepsOnlyWhenTheManagerAcceptsTheRebalancePlan(FxRobot robot) throws Exception {
        List<UUID> waiting = new ArrayList<>();
        context.database().transaction(cfg -> {
            LeadRepository rows = LeadRepository.using(cfg, context.clock());
            for (int i = 1; i <= 3; i++) {
                UUID id = Ids.newId();
                waiting.add(id);
                rows.insertAll(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"), List.of(
                        new LeadRepository.NewLead(id, new LeadDraft("平衡测试医院" + i, null, null, null, "330106",
                                "HOSPITAL", Tier.B, "导入", null), LeadStatus.NEW, null, null, null, null,
                                BoardRank.first(), null)));
            }
        });
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#rebalance");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> robot.lookup("#rebalanceTable").tryQuery().isPresent());
        assertThat(robot.lookup("#rebalanceSpread").queryAs(Label.class).getText()).contains("→");
        assertThat(context.leads().find(manager.asActor(), waiting.get(0)).orElseThrow().ownerId())
                .as("the proposal alone assigns nothing").isNull();

        robot.clickOn(LabeledMatchers.hasText(I18n.get("leads.rebalance.accept")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> context.leads().find(manager.asActor(), waiting.get(2)).orElseThrow().ownerId() != null);

        for (UUID id : waiting) {
            Lead lead = context.leads().find(manager.asActor(), id).orElseThrow();
            assertThat(lead.ownerId()).isEqualTo(hangzhouRep.id());
            assertThat(lead.assignmentReason()).startsWith(I18n.isChinese() ? "批量平衡分配给" : "Assigned to");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerGivesARepATerritoryACapacityAndLeaveFromTheLoadView(FxRobot robot) {
        User rep = context.users().byUsername("rep.zj2").orElseThrow();
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#leadsView-LOAD");
        TableView<io.salesdesk.dispatch.RepLoad> table = robot.lookup("#loadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.userId().equals(rep.id())).findFirst().orElseThrow()));
        robot.clickOn("#loadEditRep");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.ComboBox<io.salesdesk.crm.Region> province =
                robot.lookup("#leadProvince").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> province.setValue(province.getItems().stream()
                .filter(r -> r != null && "330000".equals(r.code())).findFirst().orElseThrow()));
        javafx.scene.control.ComboBox<io.salesdesk.crm.Region> city =
                robot.lookup("#leadCity").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> city.setValue(city.getItems().stream()
                .filter(r -> r != null && "330200".equals(r.code())).findFirst().orElseThrow()));
        robot.clickOn("#repAddTerritory");
        robot.clickOn("#repCapacity").write("abc");
        robot.clickOn("#repProfileSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".field-problem").<Node>queryAll()).as("a capacity that is not a number is refused")
                .anyMatch(Node::isVisible);

        robot.interact(() -> robot.lookup("#repCapacity").queryAs(TextField.class).setText("25"));
        robot.interact(() -> robot.lookup("#repAwayFrom").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(java.time.LocalDate.of(2030, 1, 2)));
        robot.clickOn("#repProfileSave");
        WaitForAsyncUtils.waitForFxEvents();

        var profile = context.dispatch().profile(manager.asActor(), rep.id());
        assertThat(profile.territories()).containsExactly("330200");
        assertThat(profile.monthlyCapacity()).isEqualTo(25);
        assertThat(profile.awayFrom()).isEqualTo(java.time.LocalDate.of(2030, 1, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).filteredOn(r -> r.userId().equals(rep.id())).singleElement()
                .satisfies(r -> {
                    assertThat(r.monthlyCapacity()).isEqualTo(25);
                    assertThat(r.territoryNames()).singleElement().asString().contains("宁波市");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepsSettingsSavedOverAColleaguesChangeAreRefusedAndTheDialogShowsTheirs(FxRobot robot) throws Exception {
        User rep = context.users().byUsername("rep.zj4").orElseThrow();
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#leadsView-LOAD");
        TableView<io.salesdesk.dispatch.RepLoad> table = robot.lookup("#loadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.userId().equals(rep.id())).findFirst().orElseThrow()));
        robot.clickOn("#loadEditRep");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#repCapacity").tryQuery().isPresent());
        // A colleague gives the rep 33 a month while the dialog is open.
        var read = context.dispatch().profile(manager.asActor(), rep.id());
        context.dispatch().saveProfile(manager.asActor(), read, new io.salesdesk.dispatch.RepProfile(read.userId(),
                read.name(), read.territories(), 33, null, null));

        robot.interact(() -> robot.lookup("#repCapacity").queryAs(TextField.class).setText("12"));
        robot.clickOn("#repProfileSave");
        TextField capacity = robot.lookup("#repCapacity").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "33".equals(capacity.getText()));

        assertThat(context.dispatch().profile(manager.asActor(), rep.id()).monthlyCapacity()).isEqualTo(33);
        assertThat(robot.lookup(".general-problem").queryAs(javafx.scene.control.Label.class).getText())
                .contains(manager.displayName(), rep.displayName());
        // On the values it now shows, the save goes through.
        robot.interact(() -> capacity.setText("12"));
        robot.clickOn("#repProfileSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Integer.valueOf(12).equals(context.dispatch().profile(manager.asActor(), rep.id()).monthlyCapacity()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLeadListExportsAsShownWithTheDispatchReason(FxRobot robot) throws Exception {
        robot.clickOn("#nav-LEADS");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Lead> table = robot.lookup("#leadTable").queryAs(TableView.class);
        Path out = dir.resolve("线索列表.xlsx");
        io.salesdesk.app.common.ExportBar bar = robot.lookup("#exportLeads").queryAs(javafx.scene.control.Button.class)
                .getParent() instanceof io.salesdesk.app.common.ExportBar b ? b : null;
        assertThat(bar).isNotNull();
        robot.interact(() -> bar.exportTo(out));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#exportLeadsResult").queryAs(Label.class).getText().startsWith("已导出"));

        List<String> names = new ArrayList<>();
        String firstReason;
        try (var in = java.nio.file.Files.newInputStream(out);
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("分配原因");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            firstReason = names.isEmpty() || sheet.getRow(1).getCell(12) == null ? null
                    : sheet.getRow(1).getCell(12).getStringCellValue();
        }
        assertThat(names).isNotEmpty()
                .containsExactlyElementsOf(table.getItems().stream().map(Lead::name).toList());
        assertThat(firstReason).isEqualTo(table.getItems().get(0).assignmentReason());
    }
}
