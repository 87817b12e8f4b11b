package io.salesdesk.territory.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerLocationService;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.demo.DemoLeads;
import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.cluster.PinIndex;
import io.salesdesk.territory.heat.HeatPoints;
import io.salesdesk.territory.place.MapPosition;
import io.salesdesk.territory.place.Placement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapLayerServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    /** 上海 with its islands and the edge of its neighbours: where its districts' pins must fall. */
    private static final GeoBox SHANGHAI = new GeoBox(120.7, 30.5, 122.3, 32.0);

    @TempDir
    static Path dir;
    private static Database db;
    private static RegionService regions;
    private static CustomerService customers;
    private static UserService users;
    private static MapLayerService layers;

    @BeforeAll
    static void demo() {
        db = TestDatabases.hsqldb(dir);
        new DemoWorkspace(db, CLOCK).create(42, 300);
        new DemoLeads(db, CLOCK).create(42);
        regions = new RegionService(db);
        customers = new CustomerService(db, CLOCK, regions);
        users = new UserService(db, CLOCK);
        layers = new MapLayerService(db, CLOCK, customers, users);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Actor login(String username) {
        return users.byUsername(username).orElseThrow().asActor();
    }

    @Test
    void aManagerSeesTheCustomersOfTheirRegionOnlyEachInItsDistrict() {
        Actor manager = login("manager.sh");

        CustomerPins pins = layers.customerPins(manager);

        assertThat(pins.size()).isEqualTo(customers.count(manager, CustomerQuery.all())).isPositive();
        PinIndex index = pins.index(ColourBy.TIER);
        assertThat(index.unlocated()).isZero();
        for (int i = 0; i < pins.size(); i++) {
            assertThat(SHANGHAI.contains(index.lon(i), index.lat(i))).as(pins.customer(i).regionName()).isTrue();
        }
    }

    @Test
    void aRepSeesOnlyTheirOwnCustomers() {
        Actor rep = login("rep.sh1");

        CustomerPins pins = layers.customerPins(rep);

        assertThat(pins.customers()).isNotEmpty().allMatch(c -> rep.userId().equals(c.ownerId()));
        assertThat(pins.owners()).extracting(CustomerPins.Owner::id).containsExactly(null, rep.userId());
    }

    @Test
    void ownerColoursFollowTheLegendAndThePoolComesFirst() {
        CustomerPins pins = layers.customerPins(login("gm"));
        PinIndex byOwner = pins.index(ColourBy.OWNER);

        for (int i = 0; i < pins.size(); i++) {
            Customer c = pins.customer(i);
            assertThat(pins.owners().get(byOwner.colour(i)).id()).isEqualTo(c.ownerId());
        }
        assertThat(pins.owners().get(0).id()).isNull();
    }

    @Test
    void aCustomerWithCoordinatesIsPinnedThereAndTheOthersNearTheirRegion() {
        Actor rep = login("rep.sh1");
        Customer moved = layers.customerPins(rep).customer(0);
        new CustomerLocationService(db, CLOCK, customers).setLocation(rep, moved.id(), moved.version(),
                new BigDecimal("121.512345"), new BigDecimal("31.234567"));

        CustomerPins pins = layers.customerPins(rep);
        PinIndex index = pins.index(ColourBy.TIER);
        Placement placement = new Placement(db.transactionResult(cfg -> RegionRepository.using(cfg).all()));

        for (int i = 0; i < pins.size(); i++) {
            Customer c = pins.customer(i);
            if (c.id().equals(moved.id())) {
                assertThat(index.lon(i)).isEqualTo(121.512345);
                assertThat(index.lat(i)).isEqualTo(31.234567);
            } else {
                MapPosition p = placement.place(c.id(), c.regionCode()).orElseThrow();
                assertThat(index.lon(i)).isEqualTo(p.longitude());
                assertThat(index.lat(i)).isEqualTo(p.latitude());
            }
        }
    }

    @Test
    void aManagerOfAMunicipalityStartsAmongItsDistricts() {
        UUID unit = users.byUsername("manager.sh").orElseThrow().orgUnitId();

        LonLat home = layers.homeOf(unit).orElseThrow();

        assertThat(SHANGHAI.contains(home.lon(), home.lat())).isTrue();
    }

    @Test
    void theRepsOfAManagersRegionHaveTheirBasesThere() {
        List<RepBase> bases = layers.repBases(login("manager.sh"));

        assertThat(bases).hasSize(4);
        assertThat(bases).allMatch(b -> SHANGHAI.contains(b.place().lon(), b.place().lat()));
        assertThat(bases).extracting(RepBase::userId).doesNotHaveDuplicates();
    }

    @Test
    void leadDemandCountsTheLeadsCreatedInThePeriodThatHaveARegion() {
        Actor gm = login("gm");
        Instant to = CLOCK.instant();
        Instant from = to.minus(Duration.ofDays(7));
        LeadService leads = new LeadService(db, CLOCK, regions, customers);
        long expected = leads.list(gm, LeadFilter.all()).stream()
                .filter(l -> l.regionCode() != null && !l.createdAt().toInstant().isBefore(from)
                        && l.createdAt().toInstant().isBefore(to))
                .count();

        HeatPoints heat = layers.demand(gm, DemandKind.LEADS, from, to);
        HeatPoints inquiries = layers.demand(gm, DemandKind.INQUIRIES, from, to);

        assertThat(heat.size()).isEqualTo(expected).isPositive();
        assertThat(heat.grid(4, GeoBox.WORLD, from.getEpochSecond(), to.getEpochSecond()).total())
                .isEqualTo((double) expected);
        assertThat(inquiries.size()).isPositive().isLessThan(heat.size());
    }

    @Test
    void followUpDemandGrowsWithThePeriodAndARepCountsOnlyTheirOwn() {
        Instant to = CLOCK.instant();
        Actor gm = login("gm");

        int week = layers.demand(gm, DemandKind.ACTIVITIES, to.minus(Duration.ofDays(7)), to).size();
        int quarter = layers.demand(gm, DemandKind.ACTIVITIES, to.minus(Duration.ofDays(90)), to).size();
        int repsQuarter = layers.demand(login("rep.sh1"), DemandKind.ACTIVITIES, to.minus(Duration.ofDays(90)), to)
                .size();

        assertThat(week).isPositive();
        assertThat(quarter).isGreaterThan(week);
        assertThat(repsQuarter).isPositive().isLessThan(quarter);
    }

    @Test
    void aBulkOwnerChangeTransfersEachCustomerAndSaysWhatBecameOfTheRest() {
        Actor manager = login("manager.sh");
        UUID from = users.byUsername("rep.sh3").orElseThrow().id();
        UUID to = users.byUsername("rep.sh4").orElseThrow().id();
        List<Customer> visible = layers.customerPins(manager).customers();
        List<Customer> theirs = visible.stream().filter(c -> from.equals(c.ownerId())).limit(3).toList();
        Customer already = visible.stream().filter(c -> to.equals(c.ownerId())).findFirst().orElseThrow();
        Customer read = theirs.get(2);
        // Read before someone else changed it: its version is behind.
        Customer stale = new Customer(read.id(), read.name(), read.creditCode(), read.tier(), read.industry(),
                read.regionCode(), read.regionName(), read.address(), read.phone(), read.ownerId(), read.ownerName(),
                read.lastFollowUpAt(), read.nextFollowUpOn(), read.version() - 1, read.updatedAt());

        BulkOwnerChange.Outcome outcome = new BulkOwnerChange(customers).transfer(manager,
                List.of(theirs.get(0), theirs.get(1), stale, already), to, "按区域重新划分");

        assertThat(outcome.transferred()).isEqualTo(2);
        assertThat(outcome.unchanged()).isEqualTo(1);
        assertThat(outcome.awaitingApproval()).isZero();
        assertThat(outcome.refused()).singleElement().satisfies(r -> assertThat(r.customer().id()).isEqualTo(read.id()));
        assertThat(customers.open(manager, theirs.get(0).id()).orElseThrow().customer().ownerId()).isEqualTo(to);
        assertThat(customers.open(manager, theirs.get(1).id()).orElseThrow().customer().ownerId()).isEqualTo(to);
        assertThat(customers.open(manager, read.id()).orElseThrow().customer().ownerId()).isEqualTo(from);
    }

    @Test
    void onlyOpenLeadsArePinned() {
        LeadPins pins = layers.leadPins(login("gm"));

        assertThat(pins.leads()).isNotEmpty().allMatch(l -> l.status().open());
        assertThat(pins.index().size()).isEqualTo(pins.leads().size());
        assertThat(pins.leads()).extracting(Lead::id).doesNotHaveDuplicates();
    }
}
