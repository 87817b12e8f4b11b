package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.sync.SyncService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The head office's 同步冲突: a branch and the head office both changed a customer's phone while the
 * branch was offline; after the branch syncs, an administrator sees both numbers and takes the
 * branch's, which becomes the customer's phone. A quote's lines changed on both sides read as lines.
 */
@ExtendWith(ApplicationExtension.class)
class SyncConflictsUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Customer customer;
    static Task task;
    static io.salesdesk.commerce.quote.Quote quote;
    static io.salesdesk.commerce.product.Product product;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        Actor admin = app.me();
        customer = context.customers().page(admin, CustomerQuery.all(), 0, 50).stream()
                .filter(c -> c.ownerId() != null).findFirst().orElseThrow();
        User owner = context.users().all().stream().filter(u -> u.id().equals(customer.ownerId())).findFirst()
                .orElseThrow();
        context.customFields().define(admin, CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "bed_count",
                FieldType.NUMBER, java.util.List.of(), false, null, null));
        task = context.tasks().create(admin, new TaskDraft("回访设备科", null, owner.id(), null, null, null, null),
                TaskStatus.TODO);
        product = context.products().create(admin, new io.salesdesk.commerce.product.ProductDraft("JH-M100",
                "康瑞 M100 监护仪", "监护仪", "台", new java.math.BigDecimal("18800.00"), new java.math.BigDecimal("12000.00")));
        quote = context.quotes().create(owner.asActor(), new io.salesdesk.commerce.quote.QuoteDraft(customer.id(), null,
                null, null, java.util.List.of(quoteLine("1", null))));
        LocalHub hub = new LocalHub(context.database(), UiTestWorkspace.CLOCK);
        try (Database branch = SyncService.createReplica(hub, DatabaseConfig.embedded(app.dir().resolve("branch")),
                owner.orgUnitId(), UiTestWorkspace.CLOCK, 500)) {
            CustomerService atBranch = new CustomerService(branch, UiTestWorkspace.CLOCK, new RegionService(branch));
            Customer there = atBranch.open(owner.asActor(), customer.id()).orElseThrow().customer();
            atBranch.update(owner.asActor(), there.id(), there.version(), withPhone(there.toDraft(), "0571-88880001"));
            Customer here = context.customers().open(admin, customer.id()).orElseThrow().customer();
            context.customers().update(admin, here.id(), here.version(), withPhone(here.toDraft(), "0571-88880002"));
            // Only the one value: the workspace may have required fields this test does not fill.
            branch.transaction(cfg -> new CustomFieldService(branch, UiTestWorkspace.CLOCK).setImportedValues(cfg,
                    owner.asActor(), ChangeReason.user(), CustomEntity.CUSTOMER, customer.id(),
                    java.util.Map.of("bed_count", "600")));
            context.database().transaction(cfg -> context.customFields().setImportedValues(cfg, admin,
                    ChangeReason.user(), CustomEntity.CUSTOMER, customer.id(), java.util.Map.of("bed_count", "700")));
            // The task's title, changed on both sides too.
            TaskService branchTasks = new TaskService(branch, UiTestWorkspace.CLOCK);
            Task branchTask = branchTasks.find(owner.asActor(), task.id()).orElseThrow();
            branchTasks.update(owner.asActor(), task.id(), branchTask.version(), titled(branchTask, "回访设备科王主任",
                    TaskPriority.HIGH));
            Task hubTask = context.tasks().find(admin, task.id()).orElseThrow();
            context.tasks().update(admin, task.id(), hubTask.version(), titled(hubTask, "回访设备科（紧急）",
                    TaskPriority.URGENT));
            // The quote's lines: more units at the branch, a discount at the head office.
            var branchQuotes = new io.salesdesk.commerce.quote.QuoteService(branch, UiTestWorkspace.CLOCK,
                    new io.salesdesk.commerce.freeze.OrderFreezeService(branch, UiTestWorkspace.CLOCK));
            branchQuotes.update(owner.asActor(), quote.id(), quote.version(), new io.salesdesk.commerce.quote.QuoteDraft(
                    customer.id(), null, quote.validUntil(), null, java.util.List.of(quoteLine("3", null))));
            context.quotes().update(admin, quote.id(), quote.version(), new io.salesdesk.commerce.quote.QuoteDraft(
                    customer.id(), null, quote.validUntil(), null, java.util.List.of(quoteLine("1", "5"))));
            new SyncService(branch, UiTestWorkspace.CLOCK).sync(hub);
        }
    }

    private static TaskDraft titled(Task t, String title, TaskPriority priority) {
        TaskDraft d = t.toDraft();
        return new TaskDraft(title, d.description(), d.assigneeId(), priority, d.dueAt(), d.customerId(),
                d.opportunityId());
    }

    private static io.salesdesk.commerce.quote.QuoteLineDraft quoteLine(String quantity, String discount) {
        return new io.salesdesk.commerce.quote.QuoteLineDraft(product.id(), new java.math.BigDecimal(quantity), null,
                discount == null ? null : new java.math.BigDecimal(discount));
    }

    private static CustomerDraft withPhone(CustomerDraft d, String phone) {
        return new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(), d.regionCode(), d.address(), phone,
                d.ownerId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorTakesTheBranchsValueOfAConflictingField(FxRobot robot) throws Exception {
        robot.clickOn("#nav-SETTINGS");
        TableView<SyncConflictsSection.Line> table = robot.lookup("#syncConflictTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        // A task's conflicts name the task, say 标题 (not a contact's 职务) and its priority in words.
        assertThat(table.getItems()).anySatisfy(title -> {
            assertThat(title.record()).isEqualTo("任务 回访设备科（紧急）");
            assertThat(title.field()).isEqualTo("标题");
            assertThat(title.hubValue()).isEqualTo("回访设备科（紧急）");
            assertThat(title.incomingValue()).isEqualTo("回访设备科王主任");
        });
        assertThat(table.getItems()).anySatisfy(priority -> {
            assertThat(priority.field()).isEqualTo("优先级");
            assertThat(priority.hubValue()).isEqualTo("紧急");
            assertThat(priority.incomingValue()).isEqualTo("高");
        });
        // A quote's lines changed on both sides: one conflict, named by its number, the lines in words.
        String price = product.listPrice().setScale(2).toPlainString();
        assertThat(table.getItems()).anySatisfy(lines -> {
            assertThat(lines.record()).isEqualTo("报价 " + quote.quoteNo());
            assertThat(lines.field()).isEqualTo("报价明细");
            assertThat(lines.hubValue()).isEqualTo(product.sku() + " × 1 @ " + price + "，折扣 5%");
            assertThat(lines.incomingValue()).isEqualTo(product.sku() + " × 3 @ " + price);
        });
        // A custom field's conflict is named by the field's label, its values in words.
        assertThat(table.getItems()).anySatisfy(custom -> {
            assertThat(custom.field()).isEqualTo("床位数");
            assertThat(custom.hubValue()).isEqualTo("700");
            assertThat(custom.incomingValue()).isEqualTo("600");
        });
        SyncConflictsSection.Line line = table.getItems().stream().filter(l -> l.field().equals("电话")).findFirst()
                .orElseThrow();
        assertThat(line.record()).isEqualTo("客户 " + customer.name());
        assertThat(line.field()).isEqualTo("电话");
        assertThat(line.hubValue()).isEqualTo("0571-88880002");
        assertThat(line.incomingValue()).isEqualTo("0571-88880001");
        assertThat(robot.lookup("#syncConflictsSection").queryAs(Node.class).isVisible()).isTrue();

        robot.interact(() -> table.getSelectionModel().select(line));
        robot.interact(() -> robot.lookup("#syncTakeBranch").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);

        assertThat(context.customers().open(context.currentUser().asActor(), customer.id()).orElseThrow().customer()
                .phone()).isEqualTo("0571-88880001");
    }
}
