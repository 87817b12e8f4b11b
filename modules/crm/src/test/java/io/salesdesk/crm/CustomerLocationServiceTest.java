package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Map pins, dragged pins, tags and the "needs location" list, on a real HSQLDB. */
class CustomerLocationServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    CrmFixture f;
    CustomerLocationService locations;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new CrmFixture(db, clock);
        locations = new CustomerLocationService(db, clock, f.customers);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void locationsListTheViewersCustomersWithRegionOwnerAndNoCoordinatesYet() {
        Customer wangs = f.customer(f.wang, "苏州康华医院");
        f.customer(f.zhang, "广州南方医院");

        List<CustomerLocation> pins = locations.locations(f.wang.asActor());

        assertThat(pins).singleElement().satisfies(pin -> {
            assertThat(pin.id()).isEqualTo(wangs.id());
            assertThat(pin.regionCode()).isEqualTo("320508");
            assertThat(pin.ownerName()).isEqualTo("王一");
            assertThat(pin.tier()).isEqualTo(Tier.B);
            assertThat(pin.hasCoordinates()).isFalse();
        });
        assertThat(locations.locations(f.admin.asActor())).hasSize(2);
    }

    @Test
    void aDraggedPinIsSavedOnItsVersionAndRecordedInTheHistory() {
        Customer c = f.customer(f.wang, "苏州康华医院");

        CustomerLocation moved = locations.setLocation(f.wang.asActor(), c.id(), c.version(),
                new BigDecimal("120.6193"), new BigDecimal("31.2990"));

        assertThat(moved.longitude()).isEqualByComparingTo("120.6193");
        assertThat(moved.latitude()).isEqualByComparingTo("31.299");
        assertThat(moved.version()).isEqualTo(c.version() + 1);
        ChangeEntry last = lastChange(c);
        assertThat(last.changes()).containsKeys("longitude", "latitude");
        assertThat(last.changes().get("longitude").newValue()).isEqualTo("120.6193");
        // The customer list knows the new version: an edit after the drag is not refused as stale.
        Customer listed = f.customers.open(f.wang.asActor(), c.id()).orElseThrow().customer();
        assertThat(listed.version()).isEqualTo(moved.version());
    }

    @Test
    void aPinDraggedOnAnOldVersionIsRefusedAndMovesNothing() {
        Customer c = f.customer(f.wang, "苏州康华医院");
        locations.setLocation(f.wang.asActor(), c.id(), c.version(), new BigDecimal("120.6"), new BigDecimal("31.3"));

        assertThatThrownBy(() -> locations.setLocation(f.wang.asActor(), c.id(), c.version(), new BigDecimal("121"),
                new BigDecimal("30"))).isInstanceOf(StaleRecordException.class);
        assertThat(locations.locations(f.wang.asActor()).get(0).longitude()).isEqualByComparingTo("120.6");
    }

    @Test
    void coordinatesOffTheGlobeOrHalfAPairAreRefusedAtTheirField() {
        Customer c = f.customer(f.wang, "苏州康华医院");

        assertThatThrownBy(() -> locations.setLocation(f.wang.asActor(), c.id(), c.version(), new BigDecimal("200"),
                new BigDecimal("31"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.messageKey())
                                .containsExactly("customer.location.longitude"));
        assertThatThrownBy(() -> locations.setLocation(f.wang.asActor(), c.id(), c.version(), null,
                new BigDecimal("31"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.messageKey())
                                .containsExactly("customer.location.incomplete"));
    }

    @Test
    void customersWithNeitherRegionNorCoordinatesNeedALocation() {
        CustomerService placing = new CustomerService(db, clock, new RegionService(db, regions -> FAKE_LOCATOR));
        Customer placed = f.customer(f.wang, "苏州康华医院");
        Customer guessed = placing.create(f.wang.asActor(), new CustomerDraft("姑苏诊所", null, Tier.C, null, null,
                "江苏省苏州市姑苏区人民路 1 号", null, f.wang.id()));
        Customer unplaced = placing.create(f.wang.asActor(), new CustomerDraft("无名诊所", null, Tier.C, null, null,
                "朝阳区建国路 88 号", null, f.wang.id()));
        Customer pinned = placing.create(f.wang.asActor(), new CustomerDraft("外地诊所", null, Tier.C, null, null,
                null, null, f.wang.id()));
        locations.setLocation(f.wang.asActor(), pinned.id(), pinned.version(), new BigDecimal("121.47"),
                new BigDecimal("31.23"));

        assertThat(guessed.regionCode()).as("a confident guess sets the region").isEqualTo("320508");
        assertThat(unplaced.regionCode()).as("an unsure guess is not written").isNull();
        assertThat(locations.needsLocation(f.wang.asActor())).extracting(CustomerLocation::id)
                .containsExactly(unplaced.id())
                .doesNotContain(placed.id(), pinned.id(), guessed.id());
    }

    @Test
    void withoutAWiredLocatorACustomerKeepsTheRegionAsTyped() {
        Customer c = f.customers.create(f.wang.asActor(), new CustomerDraft("姑苏诊所", null, Tier.C, null, null,
                "江苏省苏州市姑苏区人民路 1 号", null, f.wang.id()));

        assertThat(c.regionCode()).isNull();
    }

    @Test
    void aWiredLocatorDecidesAndOnlyAConfidentGuessSetsTheRegion() {
        RegionService unsure = new RegionService(db, regions -> address -> new RegionGuess("320508", "江苏省 苏州市 姑苏区",
                "county", 0.5, "test"));
        RegionService sure = new RegionService(db, regions -> address -> new RegionGuess("320508", "江苏省 苏州市 姑苏区",
                "county", 0.9, "test"));

        assertThat(unsure.resolveAddress("随便什么地址")).isEmpty();
        assertThat(sure.resolveAddress("随便什么地址")).map(Region::code).contains("320508");
        assertThat(sure.hasAddressLocator()).isTrue();
        assertThat(new RegionService(db).hasAddressLocator()).isFalse();
    }

    /** Sure of 姑苏区, unsure (as an ambiguous district makes a real parser) of anything else. */
    private static final AddressLocator FAKE_LOCATOR = address -> address.contains("姑苏区")
            ? new RegionGuess("320508", "江苏省 苏州市 姑苏区", "county", 0.95, "test")
            : new RegionGuess(null, "", "", 0, "ambiguous");

    @Test
    void tagsAreReplacedTrimmedAndRecordedAndCountedByRegion() {
        Customer a = f.customer(f.wang, "苏州康华医院");
        Customer b = f.customer(f.li, "苏州仁爱医院");
        f.customer(f.zhang, "广州南方医院");

        locations.setTags(f.wang.asActor(), a.id(), List.of(" 竞品渗透 ", "设备老化", "竞品渗透", ""));
        locations.setTags(f.li.asActor(), b.id(), List.of("设备老化"));
        locations.setTags(f.wang.asActor(), a.id(), List.of("竞品渗透", "预算紧张"));

        assertThat(locations.tags(f.wang.asActor(), a.id())).containsExactly("竞品渗透", "预算紧张");
        assertThat(lastChange(a).changes().get("tags").oldValue()).isEqualTo("竞品渗透、设备老化");
        assertThat(lastChange(a).changes().get("tags").newValue()).isEqualTo("竞品渗透、预算紧张");
        assertThat(locations.tagCountsByRegion(f.eastManager.asActor())).containsExactly(
                new RegionTagCount("320508", "竞品渗透", 1), new RegionTagCount("320508", "设备老化", 1),
                new RegionTagCount("320508", "预算紧张", 1));
        assertThat(locations.tagCountsByRegion(f.zhang.asActor())).isEmpty();
    }

    @Test
    void aTagOverFortyCharactersIsRefused() {
        Customer a = f.customer(f.wang, "苏州康华医院");

        assertThatThrownBy(() -> locations.setTags(f.wang.asActor(), a.id(), List.of("长".repeat(41))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("customer.tag.tooLong"));
        assertThat(locations.tags(f.wang.asActor(), a.id())).isEmpty();
    }

    @Test
    void ledgerTagCellsSplitOnChineseAndLatinSeparators() {
        assertThat(CustomerLocationService.splitTags("竞品渗透、设备老化，预算紧张;院内招标 ,竞品渗透"))
                .containsExactly("竞品渗透", "设备老化", "预算紧张", "院内招标");
        assertThat(CustomerLocationService.splitTags("  ")).isEmpty();
        assertThat(Set.copyOf(CustomerLocationService.splitTags(null))).isEmpty();
    }

    private ChangeEntry lastChange(Customer c) {
        List<ChangeEntry> history = f.customers.history(f.admin.asActor(), c.id());
        return history.get(history.size() - 1);
    }
}
