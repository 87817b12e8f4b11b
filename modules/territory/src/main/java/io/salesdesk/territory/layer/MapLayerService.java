package io.salesdesk.territory.layer;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.CustomerLocationRepository;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.db.Database;
import io.salesdesk.territory.heat.HeatPoints;
import io.salesdesk.territory.place.MapPosition;
import io.salesdesk.territory.place.Placement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The data of the map's layers for one viewer, each layer read in one query and respecting what
 * the viewer may see: customer pins, open lead pins, reps' home bases and the points of demand a
 * heat layer sums. Callers run it off the UI thread.
 */
public final class MapLayerService {

    private final Database db;
    private final Clock clock;
    private final CustomerService customers;
    private final UserService users;
    private final Placement placement;

    /** The layers over the region table in the database, placed by {@link Placement}. */
    public MapLayerService(Database db, Clock clock, CustomerService customers, UserService users) {
        this(db, clock, customers, users,
                new Placement(db.transactionResult(cfg -> RegionRepository.using(cfg).all())));
    }

    public MapLayerService(Database db, Clock clock, CustomerService customers, UserService users,
                           Placement placement) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.users = Objects.requireNonNull(users, "users");
        this.placement = Objects.requireNonNull(placement, "placement");
    }

    /**
     * Every customer the viewer sees, placed (explicit coordinates first, else near the region's
     * centroid); owners in the legend by name, the public pool first.
     */
    public CustomerPins customerPins(Actor viewer) {
        List<Customer> all = new ArrayList<>();
        customers.forEach(viewer, CustomerQuery.all(), all::add);
        Map<UUID, CustomerLocation> explicit = new HashMap<>();
        db.transaction(cfg -> CustomerLocationRepository.using(cfg, clock).locations(viewer).stream()
                .filter(CustomerLocation::hasCoordinates).forEach(l -> explicit.put(l.id(), l)));
        int n = all.size();
        double[] lon = new double[n];
        double[] lat = new double[n];
        int[] tier = new int[n];
        int[] owner = new int[n];
        Map<UUID, String> ownerNames = new HashMap<>();
        for (Customer c : all) {
            if (c.ownerId() != null) {
                ownerNames.putIfAbsent(c.ownerId(), c.ownerName() == null ? "" : c.ownerName());
            }
        }
        List<CustomerPins.Owner> owners = new ArrayList<>();
        owners.add(new CustomerPins.Owner(null, null));
        ownerNames.entrySet().stream()
                .sorted(Map.Entry.<UUID, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> owners.add(new CustomerPins.Owner(e.getKey(), e.getValue())));
        Map<UUID, Integer> ownerKey = new HashMap<>();
        for (int k = 1; k < owners.size(); k++) {
            ownerKey.put(owners.get(k).id(), k);
        }
        for (int i = 0; i < n; i++) {
            Customer c = all.get(i);
            CustomerLocation at = explicit.get(c.id());
            place(c.id(), c.regionCode(), at, lon, lat, i);
            tier[i] = c.tier() == null ? 0 : c.tier().ordinal();
            owner[i] = c.ownerId() == null ? 0 : ownerKey.get(c.ownerId());
        }
        return new CustomerPins(all, lon, lat, tier, owner, owners);
    }

    /** The open leads the viewer sees, placed by their region. */
    public LeadPins leadPins(Actor viewer) {
        List<Lead> open = new ArrayList<>();
        db.transaction(cfg -> LeadRepository.using(cfg, clock).forEach(viewer, LeadFilter.all(), lead -> {
            if (lead.status().open()) {
                open.add(lead);
            }
        }));
        double[] lon = new double[open.size()];
        double[] lat = new double[open.size()];
        for (int i = 0; i < open.size(); i++) {
            place(open.get(i).id(), open.get(i).regionCode(), null, lon, lat, i);
        }
        return new LeadPins(open, lon, lat);
    }

    /**
     * The home bases of the reps the viewer sees (everyone's for company-wide roles), at their org
     * unit's region; reps of one unit are spread a little so each can be told apart.
     */
    public List<RepBase> repBases(Actor viewer) {
        Map<UUID, OrgUnit> units = new LinkedHashMap<>();
        db.transaction(cfg -> OrgUnitRepository.using(cfg, clock).all().forEach(u -> units.put(u.id(), u)));
        List<RepBase> bases = new ArrayList<>();
        users.visibleOwners(viewer).stream()
                .filter(u -> u.role() == Role.REP)
                .sorted(Comparator.comparing(User::displayName).thenComparing(User::id))
                .forEach(rep -> regionOf(units, rep.orgUnitId()).ifPresent(code ->
                        placement.place(rep.id(), code).ifPresent(p -> bases.add(new RepBase(rep.id(),
                                rep.displayName(), rep.orgUnitName(), code, lonLat(p))))));
        return bases;
    }

    /**
     * Where a map opened by someone of this org unit starts: the centre of the unit's region (or
     * its nearest parent's); empty at company level, where the map fits the pins instead.
     */
    public Optional<LonLat> homeOf(UUID orgUnitId) {
        Map<UUID, OrgUnit> units = new LinkedHashMap<>();
        db.transaction(cfg -> OrgUnitRepository.using(cfg, clock).all().forEach(u -> units.put(u.id(), u)));
        return regionOf(units, orgUnitId).flatMap(placement::centroid).map(MapLayerService::lonLat);
    }

    /** The region of a unit, or of the nearest parent unit that has one. */
    private static Optional<String> regionOf(Map<UUID, OrgUnit> units, UUID unitId) {
        for (OrgUnit u = units.get(unitId); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
            if (u.regionCode() != null) {
                return Optional.of(u.regionCode());
            }
        }
        return Optional.empty();
    }

    /**
     * The points of demand in {@code [from, to)} the viewer sees, each of weight 1 at its lead's or
     * customer's place, for the heat layer to sum per view.
     */
    public HeatPoints demand(Actor viewer, DemandKind kind, Instant from, Instant to) {
        OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
        Points points = new Points();
        if (kind == DemandKind.ACTIVITIES) {
            db.transaction(cfg -> DemandRepository.using(cfg).activities(viewer, start, end,
                    (customerId, regionCode, at) -> points.add(customerId, regionCode, at)));
        } else {
            db.transaction(cfg -> LeadRepository.using(cfg, clock).forEach(viewer, LeadFilter.all(), lead -> {
                OffsetDateTime at = lead.createdAt();
                if (at != null && !at.isBefore(start) && at.isBefore(end)
                        && (kind == DemandKind.LEADS || DemandKind.isInquiry(lead.source()))) {
                    points.add(lead.id(), lead.regionCode(), at);
                }
            }));
        }
        return points.heat();
    }

    private void place(UUID id, String regionCode, CustomerLocation explicit, double[] lon, double[] lat, int i) {
        MapPosition p = (explicit == null ? placement.place(id, regionCode)
                : placement.place(id, regionCode, explicit.longitude(), explicit.latitude())).orElse(null);
        lon[i] = p == null ? Double.NaN : p.longitude();
        lat[i] = p == null ? Double.NaN : p.latitude();
    }

    private static LonLat lonLat(MapPosition p) {
        return new LonLat(p.longitude(), p.latitude());
    }

    /** Growing primitive arrays of placed demand points. */
    private final class Points {
        private double[] lon = new double[1024];
        private double[] lat = new double[1024];
        private long[] time = new long[1024];
        private int n;

        void add(UUID id, String regionCode, OffsetDateTime at) {
            MapPosition p = placement.place(id, regionCode).orElse(null);
            if (p == null) {
                return;
            }
            if (n == lon.length) {
                lon = Arrays.copyOf(lon, n * 2);
                lat = Arrays.copyOf(lat, n * 2);
                time = Arrays.copyOf(time, n * 2);
            }
            lon[n] = p.longitude();
            lat[n] = p.latitude();
            time[n] = at.toEpochSecond();
            n++;
        }

        HeatPoints heat() {
            double[] weight = new double[n];
            Arrays.fill(weight, 1);
            return HeatPoints.of(Arrays.copyOf(lon, n), Arrays.copyOf(lat, n), weight,
                    Arrays.copyOf(time, n));
        }
    }
}
