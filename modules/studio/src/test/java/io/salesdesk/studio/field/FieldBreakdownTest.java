package io.salesdesk.studio.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dashboard's count of customers and open deals by a custom field, as each viewer may see them. */
class FieldBreakdownTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    CustomFieldService fields;
    OpportunityService opportunities;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        opportunities = new OpportunityService(db, clock);
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("攻坚阶段", "attack_stage",
                FieldType.SINGLE_CHOICE, List.of("摸底", "方案", "决策"), false, null, null));
        fields.define(f.admin.asActor(), CustomEntity.OPPORTUNITY, new CustomFieldDraft("行业", "industry",
                FieldType.SINGLE_CHOICE, List.of("医疗", "教育"), false, null, null));
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void customersAreCountedByValueWithTheUnsetAsTheirOwnSliceAndEachViewerCountsOnlyWhatTheySee() {
        stage(f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null), "方案");
        stage(f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null), "方案");
        stage(f.customer(f.li, "西湖区妇幼保健院", Tier.B, SalesOrgFixture.XIHU, null), "决策");
        f.customer(f.li, "余杭区口腔诊所", Tier.C, SalesOrgFixture.XIHU, null);
        stage(f.customer(f.zhang, "苏州市立医院", Tier.A, SalesOrgFixture.SUZHOU, null), "摸底");

        FieldBreakdown all = fields.breakdown(f.admin.asActor(), CustomEntity.CUSTOMER, "attack_stage").orElseThrow();
        assertThat(all.slices()).extracting(FieldBreakdown.Slice::value, FieldBreakdown.Slice::count)
                .containsExactly(tuple("方案", 2), tuple("决策", 1), tuple("摸底", 1));
        assertThat(all.unset().count()).isEqualTo(1);
        assertThat(all.slices().get(0).amount()).as("customers have no amount").isNull();

        FieldBreakdown zhejiang = fields.breakdown(f.zjManager.asActor(), CustomEntity.CUSTOMER, "attack_stage")
                .orElseThrow();
        assertThat(zhejiang.slices()).extracting(FieldBreakdown.Slice::value, FieldBreakdown.Slice::count)
                .as("the Jiangsu customer is not the Zhejiang manager's").containsExactly(tuple("方案", 2), tuple("决策", 1));

        FieldBreakdown wang = fields.breakdown(f.wang.asActor(), CustomEntity.CUSTOMER, "attack_stage").orElseThrow();
        assertThat(wang.slices()).extracting(FieldBreakdown.Slice::value, FieldBreakdown.Slice::count)
                .containsExactly(tuple("方案", 2));
        assertThat(wang.unset().count()).isZero();
    }

    @Test
    void openDealsAreCountedWithTheirAmountAndClosedOnesLeftOut() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        deal(hospital, "影像中心", "800000", "医疗");
        deal(hospital, "检验科", "200000.50", "医疗");
        deal(hospital, "智慧教室", "300000", "教育");
        Opportunity lost = deal(hospital, "远程会诊", "900000", "医疗");
        opportunities.move(f.wang.asActor(), lost.id(), lost.version(), "LOST", "预算取消", null, null);

        FieldBreakdown deals = fields.breakdown(f.admin.asActor(), CustomEntity.OPPORTUNITY, "industry").orElseThrow();

        assertThat(deals.slices()).extracting(FieldBreakdown.Slice::value, FieldBreakdown.Slice::count,
                        s -> s.amount().stripTrailingZeros())
                .containsExactly(tuple("医疗", 2, new BigDecimal("1000000.5")), tuple("教育", 1, new BigDecimal("3E+5")));
    }

    @Test
    void aRetiredFieldHasNoBreakdown() {
        CustomField stage = fields.fields(CustomEntity.CUSTOMER).get(0);
        fields.retire(f.admin.asActor(), stage.id(), stage.version());

        assertThat(fields.breakdown(f.admin.asActor(), CustomEntity.CUSTOMER, "attack_stage")).isEmpty();
    }

    private void stage(UUID customer, String value) {
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, customer, Map.of("attack_stage", value));
    }

    private Opportunity deal(UUID customer, String name, String amount, String industry) {
        Opportunity deal = opportunities.create(f.wang.asActor(), new OpportunityDraft(customer, name, f.wang.id(), null,
                new BigDecimal(amount), null, null, null, null));
        fields.setValues(f.wang.asActor(), CustomEntity.OPPORTUNITY, deal.id(), Map.of("industry", industry));
        return deal;
    }
}
