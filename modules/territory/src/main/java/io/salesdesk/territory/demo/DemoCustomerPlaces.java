package io.salesdesk.territory.demo;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.CustomerLocationRepository;
import io.salesdesk.crm.RegionRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.territory.place.MapPosition;
import io.salesdesk.territory.place.Placement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Gives the demo customers what the territory map shows: technical pain-point tags (竞品渗透,
 * 设备老化 …), more of some tags in some provinces so that the pain-point map has a pattern, and
 * explicit coordinates for a few customers (as if geocoded or dragged). Deterministic for a seed:
 * customers are taken in name order, which the demo's seeded generator fixes.
 */
public final class DemoCustomerPlaces {

    /** The tags a medical-device distributor's reps note about a hospital or clinic. */
    static final String[] TAGS = {"竞品渗透", "设备老化", "预算紧张", "院内招标", "科室扩建", "人员变动"};
    /** One customer in this many gets explicit coordinates. */
    static final int PINNED_EVERY = 40;

    private final Database db;
    private final Clock clock;

    public DemoCustomerPlaces(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the step did. */
    public record Summary(int tagged, int pinned, int withoutRegion) {
    }

    public Summary create(long seed) {
        new RegionService(db); // loads the bundled regions on a workspace that has none yet
        Placement placement = new Placement(db.transactionResult(cfg -> RegionRepository.using(cfg).all()));
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        return db.transactionResult(cfg -> {
            User admin = UserRepository.using(cfg, clock).firstWithRole(Role.ADMIN).orElseThrow(
                    () -> new IllegalStateException("The demo organisation has no administrator"));
            Actor system = admin.asActor();
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "places " + seed);
            CustomerLocationRepository places = CustomerLocationRepository.using(cfg, clock);
            List<CustomerLocation> customers = new ArrayList<>(places.locations(system));
            customers.sort(Comparator.comparing(CustomerLocation::name));
            Map<UUID, List<String>> tags = new HashMap<>();
            int pinned = 0;
            int withoutRegion = 0;
            for (int i = 0; i < customers.size(); i++) {
                CustomerLocation c = customers.get(i);
                if (c.regionCode() == null) {
                    withoutRegion++;
                }
                List<String> chosen = tagsFor(c, random);
                if (!chosen.isEmpty()) {
                    tags.put(c.id(), chosen);
                }
                if (i % PINNED_EVERY == 0 && !c.hasCoordinates()) {
                    MapPosition near = placement.place(c).orElse(null);
                    if (near != null) {
                        // A geocoded address lies near, not on, the spot placement would pick.
                        places.setLocation(system, reason, c.id(), c.version(),
                                degrees(near.longitude() + (random.nextDouble() - 0.5) * 0.01),
                                degrees(near.latitude() + (random.nextDouble() - 0.5) * 0.01));
                        pinned++;
                    }
                }
            }
            places.setTagsAll(system, reason, tags);
            return new Summary(tags.size(), pinned, withoutRegion);
        });
    }

    // About a third of the customers carry a tag; 竞品渗透 is likelier in the big cities' provinces
    // (codes 31 上海, 32 江苏), 设备老化 elsewhere, so the pain-point map shows a difference.
    private static List<String> tagsFor(CustomerLocation c, SplittableRandom random) {
        List<String> chosen = new ArrayList<>();
        if (random.nextInt(3) != 0) {
            return chosen;
        }
        String province = c.regionCode() == null ? "" : c.regionCode().substring(0, 2);
        boolean bigCity = province.equals("31") || province.equals("32");
        int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        while (chosen.size() < count) {
            String tag;
            int roll = random.nextInt(10);
            if (roll < 3) {
                tag = bigCity ? "竞品渗透" : "设备老化";
            } else {
                tag = TAGS[random.nextInt(TAGS.length)];
            }
            if (!chosen.contains(tag)) {
                chosen.add(tag);
            }
        }
        return chosen;
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }
}
