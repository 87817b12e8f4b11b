package io.salesdesk.studio.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.db.custom.CustomValueFilter.Operator;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer list filtered and sorted by custom fields, on a real database. Each case is checked
 * through the service (the embedded database's in-memory list on HSQLDB, SQL on PostgreSQL) and
 * through the repository's SQL, so both paths select and order the same customers.
 */
class CustomerListByCustomFieldTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    CustomFieldService studio;
    final TestClock clock = new TestClock(Instant.parse("2026-11-26T01:30:00Z"));

    CustomField beds;
    CustomField level;
    CustomField departments;
    CustomField reviewed;
    CustomField visitedOn;
    CustomField notes;

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        studio = new CustomFieldService(db, clock);
        Actor manager = f.admin.asActor();
        beds = studio.define(manager, CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        level = studio.define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", null,
                FieldType.SINGLE_CHOICE, List.of("三甲", "三乙", "二甲"), false, null, null));
        departments = studio.define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("科室", null,
                FieldType.MULTI_CHOICE, List.of("影像科", "检验科", "心内科"), false, null, null));
        reviewed = studio.define(manager, CustomEntity.CUSTOMER, CustomFieldDraft.of("已评估", FieldType.CHECKBOX));
        visitedOn = studio.define(manager, CustomEntity.CUSTOMER, CustomFieldDraft.of("首次拜访", FieldType.DATE));
        notes = studio.define(manager, CustomEntity.CUSTOMER, CustomFieldDraft.of("备注", FieldType.TEXT));

        customer(f.wang, "杭州一院", beds, "1200", level, "三甲", departments, "影像科\n心内科", reviewed, "true",
                visitedOn, "2026-03-01", notes, "Siemens 竞品在场");
        customer(f.wang, "西湖区医院", beds, "300", level, "二甲", departments, "检验科", reviewed, "false",
                visitedOn, "2026-06-15");
        customer(f.li, "余杭中医院", beds, "650", level, "三乙", departments, "心内科", visitedOn, "2026-09-30",
                notes, "新院区 siemens 招标");
        customer(f.zhang, "苏州康华医院", beds, "900", level, "三甲", reviewed, "true");
        customer(f.li, "临平社区卫生中心");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aNumberRangeKeepsTheCustomersInsideItBothEndsIncluded() {
        assertList(f.admin, filtered(beds, Operator.BETWEEN, "650", "1200"), "余杭中医院", "杭州一院", "苏州康华医院");
        assertList(f.admin, filtered(beds, Operator.BETWEEN, "", "650"), "余杭中医院", "西湖区医院");
        assertList(f.admin, filtered(beds, Operator.BETWEEN, "1,000", null), "杭州一院");
    }

    @Test
    void aDateRangeComparesDatesNotTheirText() {
        assertList(f.admin, filtered(visitedOn, Operator.BETWEEN, "2026-06-01", "2026-12-31"), "余杭中医院", "西湖区医院");
    }

    @Test
    void textContainsIgnoresCaseAndEqualsNeedsTheWholeText() {
        assertList(f.admin, filtered(notes, Operator.CONTAINS, "SIEMENS"), "余杭中医院", "杭州一院");
        assertList(f.admin, filtered(notes, Operator.EQUALS, "Siemens"));
        assertList(f.admin, filtered(notes, Operator.EQUALS, "Siemens 竞品在场"), "杭州一院");
    }

    @Test
    void choicesMatchAnyOfThePickedOnesAndAMultipleChoiceMatchesByLine() {
        assertList(f.admin, filtered(level, Operator.ONE_OF, "三甲", "三乙"), "余杭中医院", "杭州一院", "苏州康华医院");
        assertList(f.admin, filtered(departments, Operator.ANY_LINE_OF, "心内科"), "余杭中医院", "杭州一院");
        assertList(f.admin, filtered(departments, Operator.ANY_LINE_OF, "检验科", "影像科"), "杭州一院", "西湖区医院");
    }

    @Test
    void aCheckboxNoIncludesCustomersWhereItWasNeverTicked() {
        assertList(f.admin, filtered(reviewed, Operator.IS_TRUE), "杭州一院", "苏州康华医院");
        assertList(f.admin, filtered(reviewed, Operator.NOT_TRUE), "余杭中医院", "临平社区卫生中心", "西湖区医院");
    }

    @Test
    void filtersOnCustomFieldsKeepTheListsVisibilityAndOtherFilters() {
        assertList(f.zjManager, filtered(level, Operator.ONE_OF, "三甲"), "杭州一院");
        assertList(f.li, filtered(beds, Operator.BETWEEN, "0", "5000"), "余杭中医院");
        CustomerQuery both = filtered(beds, Operator.BETWEEN, "100", null).withCustomFilters(List.of(
                CustomFieldCriteria.filter(beds, Operator.BETWEEN, Arrays.asList("100", null)),
                CustomFieldCriteria.filter(reviewed, Operator.IS_TRUE, List.of()))).withTier(Tier.B);
        assertList(f.admin, both);
    }

    @Test
    void sortingByACustomFieldPutsCustomersWithoutAValueLastEitherWay() {
        CustomerQuery byBeds = CustomerQuery.all().sortedBy(CustomFieldCriteria.sort(beds), true);
        assertListInOrder(f.admin, byBeds, "西湖区医院", "余杭中医院", "苏州康华医院", "杭州一院", "临平社区卫生中心");
        assertListInOrder(f.admin, byBeds.sortedBy(CustomFieldCriteria.sort(beds), false),
                "杭州一院", "苏州康华医院", "余杭中医院", "西湖区医院", "临平社区卫生中心");
        assertListInOrder(f.admin, CustomerQuery.all().sortedBy(CustomFieldCriteria.sort(visitedOn), false)
                        .withCustomFilters(List.of(CustomFieldCriteria.filter(visitedOn, Operator.BETWEEN,
                                List.of("2026-01-01", "2026-12-31")))),
                "余杭中医院", "西湖区医院", "杭州一院");
    }

    @Test
    void aChangedValueIsSeenAtTheNextCount() {
        CustomerQuery big = filtered(beds, Operator.BETWEEN, "1000", null);
        assertList(f.admin, big, "杭州一院");
        UUID xihu = idOf("西湖区医院");
        studio.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, xihu, Map.of(beds.key(), "1500"));
        assertList(f.admin, big, "杭州一院", "西湖区医院");
    }

    @Test
    void anOperandThatIsNoValueOfTheFieldIsRefusedAtTheField() {
        assertThatThrownBy(() -> CustomFieldCriteria.filter(beds, Operator.BETWEEN, List.of("abc", "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("custom." + beds.key(),
                                "studio.value.number")));
        assertThatThrownBy(() -> CustomFieldCriteria.filter(level, Operator.ONE_OF, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("studio.filter.empty"));
    }

    @Test
    void aPageShowsItsCustomersValuesByKey() {
        UUID first = idOf("杭州一院");
        UUID last = idOf("临平社区卫生中心");
        Map<UUID, Map<String, String>> values = studio.values(CustomEntity.CUSTOMER, List.of(first, last));
        assertThat(values).containsOnlyKeys(first);
        assertThat(values.get(first)).containsEntry(beds.key(), "1200").containsEntry(departments.key(), "影像科\n心内科");
    }

    private CustomerQuery filtered(CustomField field, Operator operator, String... operands) {
        return CustomerQuery.all().withCustomFilters(List.of(CustomFieldCriteria.filter(field, operator,
                Arrays.asList(operands))));
    }

    /** The names the viewer sees, in any order, through both paths. */
    private void assertList(io.salesdesk.crm.User viewer, CustomerQuery query, String... names) {
        assertThat(serviceNames(viewer, query)).containsExactlyInAnyOrder(names);
        assertThat(sqlNames(viewer, query)).containsExactlyInAnyOrder(names);
        assertThat(f.customers.count(viewer.asActor(), query)).isEqualTo(names.length);
    }

    private void assertListInOrder(io.salesdesk.crm.User viewer, CustomerQuery query, String... names) {
        assertThat(serviceNames(viewer, query)).containsExactly(names);
        assertThat(sqlNames(viewer, query)).containsExactly(names);
    }

    private List<String> serviceNames(io.salesdesk.crm.User viewer, CustomerQuery query) {
        f.customers.count(viewer.asActor(), query);
        return f.customers.page(viewer.asActor(), query, 0, 100).stream().map(Customer::name).toList();
    }

    private List<String> sqlNames(io.salesdesk.crm.User viewer, CustomerQuery query) {
        return db.transactionResult(cfg -> CustomerRepository.using(cfg, clock, f.regions::fullName)
                .page(viewer.asActor(), query, 0, 100)).stream().map(Customer::name).toList();
    }

    private UUID idOf(String name) {
        return f.customers.page(f.admin.asActor(), CustomerQuery.all().withText(name), 0, 1).get(0).id();
    }

    /** A customer with values given as field, text, field, text… */
    private void customer(io.salesdesk.crm.User owner, String name, Object... fieldsAndValues) {
        UUID id = f.customer(owner, name, Tier.A, owner == f.zhang ? "320508" : SalesOrgFixture.XIHU, null);
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(((CustomField) fieldsAndValues[i]).key(), (String) fieldsAndValues[i + 1]);
        }
        if (!values.isEmpty()) {
            studio.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, id, values);
        }
    }
}
