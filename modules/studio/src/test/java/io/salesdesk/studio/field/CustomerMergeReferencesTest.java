package io.salesdesk.studio.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.merge.CustomerMergeResult;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer merge reaches the rows of modules built on crm through their registered movers: the
 * tasks (board) and the custom values (studio) of the merged customer.
 */
class CustomerMergeReferencesTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    CustomFieldService studio;
    TaskService tasks;
    CustomerMergeService merges;
    final TestClock clock = new TestClock(Instant.parse("2026-11-26T01:30:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new SalesOrgFixture(db, clock);
        studio = new CustomFieldService(db, clock);
        tasks = new TaskService(db, clock);
        merges = new CustomerMergeService(db, clock, f.regions, f.customers, CustomerMergeService.registered());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theSurvivorTakesTheTasksAndTheCustomValuesItLacks() {
        studio.define(f.zjManager.asActor(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        studio.define(f.zjManager.asActor(), CustomEntity.CUSTOMER, CustomFieldDraft.of("科室", FieldType.TEXT));
        UUID survivor = f.customer(f.wang, "杭州某某有限公司", Tier.A, SalesOrgFixture.XIHU, null);
        UUID merged = f.customer(f.li, "杭州某某医疗有限公司", Tier.B, SalesOrgFixture.XIHU, null);
        studio.setValues(f.zjManager.asActor(), CustomEntity.CUSTOMER, survivor, Map.of("text_1", "设备科"));
        studio.setValues(f.zjManager.asActor(), CustomEntity.CUSTOMER, merged, Map.of("number_1", "300",
                "text_1", "采购科"));
        Task task = tasks.create(f.li.asActor(), new TaskDraft("回访", null, null, null, null, merged, null),
                TaskStatus.TODO);

        CustomerMergeResult result = merges.merge(f.zjManager.asActor(), survivor, version(survivor), merged,
                version(merged), Set.of());

        assertThat(result.moved()).containsEntry("task", 1).containsEntry("custom_value", 1);
        assertThat(tasks.find(f.admin.asActor(), task.id()).orElseThrow().customerId()).isEqualTo(survivor);
        assertThat(studio.values(CustomEntity.CUSTOMER, survivor))
                .as("the survivor keeps its own value and takes the one it lacked")
                .containsEntry("text_1", "设备科").containsEntry("number_1", "300");
        assertThat(studio.values(CustomEntity.CUSTOMER, merged)).as("nothing lost on the merged row")
                .containsEntry("text_1", "采购科");
    }

    @Test
    void undoClearsTheValuesTheSurvivorTookUnlessEditedSinceAndGivesTheTaskBack() {
        studio.define(f.zjManager.asActor(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        studio.define(f.zjManager.asActor(), CustomEntity.CUSTOMER, CustomFieldDraft.of("科室", FieldType.TEXT));
        UUID survivor = f.customer(f.wang, "杭州某某有限公司", Tier.A, SalesOrgFixture.XIHU, null);
        UUID merged = f.customer(f.li, "杭州某某医疗有限公司", Tier.B, SalesOrgFixture.XIHU, null);
        studio.setValues(f.zjManager.asActor(), CustomEntity.CUSTOMER, merged, Map.of("number_1", "300",
                "text_1", "采购科"));
        Task task = tasks.create(f.li.asActor(), new TaskDraft("回访", null, null, null, null, merged, null),
                TaskStatus.TODO);
        CustomerMergeResult result = merges.merge(f.zjManager.asActor(), survivor, version(survivor), merged,
                version(merged), Set.of());
        // After the merge someone corrects the department on the survivor; the bed count is untouched.
        studio.setValues(f.zjManager.asActor(), CustomEntity.CUSTOMER, survivor, Map.of("text_1", "设备科"));

        var undo = merges.undo(f.zjManager.asActor(), result.mergeId());

        assertThat(studio.values(CustomEntity.CUSTOMER, survivor)).as("the value taken and untouched goes")
                .doesNotContainKey("number_1").containsEntry("text_1", "设备科");
        assertThat(undo.left()).extracting(l -> l.kind() + " " + l.label()).containsExactly("custom_value 科室");
        assertThat(studio.values(CustomEntity.CUSTOMER, merged)).containsEntry("number_1", "300")
                .containsEntry("text_1", "采购科");
        assertThat(tasks.find(f.admin.asActor(), task.id()).orElseThrow().customerId()).isEqualTo(merged);
    }

    private long version(UUID customer) {
        return f.customers.open(f.admin.asActor(), customer).orElseThrow().customer().version();
    }
}
