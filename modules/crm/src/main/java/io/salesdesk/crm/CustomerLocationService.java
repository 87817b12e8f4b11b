package io.salesdesk.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where customers sit on the territory map and the tags the pain-point map counts. Each call is
 * one transaction; visibility applies to every read and write.
 */
public final class CustomerLocationService {

    /** Longest tag the table holds. */
    public static final int TAG_LENGTH = 40;
    /** Most tags on one customer. */
    public static final int MAX_TAGS = 20;
    /** How a ledger cell separates tags: 竞品渗透、设备老化 or 竞品渗透,设备老化 or ;. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[、,，;；]");

    private final Database db;
    private final Clock clock;
    private final CustomerService customers;

    /**
     * @param customers told about moved pins, so its in-memory list keeps the new version
     */
    public CustomerLocationService(Database db, Clock clock, CustomerService customers) {
        this.db = db;
        this.clock = clock;
        this.customers = customers;
    }

    /** Every customer the viewer sees, as map pins. */
    public List<CustomerLocation> locations(Actor viewer) {
        return db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock).locations(viewer));
    }

    /** Customers the viewer sees that have neither a region nor coordinates. */
    public List<CustomerLocation> needsLocation(Actor viewer) {
        return db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock).needsLocation(viewer));
    }

    /**
     * Saves a pin the user dragged (or, with both null, removes the explicit position so the
     * customer goes back to its region), on {@code expectedVersion}.
     *
     * @throws ValidationException                    for coordinates off the globe or only one of them
     * @throws io.salesdesk.core.StaleRecordException if someone changed the customer meanwhile
     */
    public CustomerLocation setLocation(Actor actor, UUID customerId, long expectedVersion, BigDecimal longitude,
                                        BigDecimal latitude) {
        List<FieldProblem> problems = coordinateProblems(longitude, latitude);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CustomerLocation moved = db.transactionResult(cfg -> {
            requireVisible(actor, cfg, customerId);
            return CustomerLocationRepository.using(cfg, clock).setLocation(actor, ChangeReason.user(), customerId,
                    expectedVersion, scaled(longitude), scaled(latitude));
        });
        customers.refresh(customerId);
        return moved;
    }

    /** A customer's tags, sorted, if the viewer may see the customer. */
    public SortedSet<String> tags(Actor viewer, UUID customerId) {
        return db.transactionResult(cfg -> {
            requireVisible(viewer, cfg, customerId);
            return CustomerLocationRepository.using(cfg, clock).tags(customerId);
        });
    }

    /**
     * Replaces a customer's tags (trimmed; blanks and repeats dropped).
     *
     * @throws ValidationException for a tag over {@value #TAG_LENGTH} characters or over {@value #MAX_TAGS} tags
     */
    public SortedSet<String> setTags(Actor actor, UUID customerId, Collection<String> tags) {
        Set<String> valid = validTags(tags);
        return db.transactionResult(cfg -> {
            requireVisible(actor, cfg, customerId);
            CustomerLocationRepository repository = CustomerLocationRepository.using(cfg, clock);
            repository.setTags(actor, ChangeReason.user(), customerId, valid);
            return repository.tags(customerId);
        });
    }

    /** Per region and tag, how many customers the viewer sees carry it. */
    public List<RegionTagCount> tagCountsByRegion(Actor viewer) {
        return db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock).tagCountsByRegion(viewer));
    }

    /** The tags of a ledger cell: 竞品渗透、设备老化 → [竞品渗透, 设备老化]; null or blank → none. */
    public static List<String> splitTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String part : TAG_SEPARATORS.split(text)) {
            String tag = part.strip();
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /**
     * Trimmed, distinct tags.
     *
     * @throws ValidationException for a tag over {@value #TAG_LENGTH} characters or over {@value #MAX_TAGS} tags
     */
    public static Set<String> validTags(Collection<String> tags) {
        Set<String> valid = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String t : tags) {
            String tag = t == null ? "" : t.strip();
            if (tag.length() > TAG_LENGTH) {
                problems.add(FieldProblem.of("tags", "customer.tag.tooLong", tag, TAG_LENGTH));
            } else if (!tag.isEmpty()) {
                valid.add(tag);
            }
        }
        if (valid.size() > MAX_TAGS) {
            problems.add(FieldProblem.of("tags", "customer.tag.tooMany", MAX_TAGS));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return valid;
    }

    /** What is wrong with a pair of coordinates: both or neither, longitude −180..180, latitude −90..90. */
    public static List<FieldProblem> coordinateProblems(BigDecimal longitude, BigDecimal latitude) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((longitude == null) != (latitude == null)) {
            problems.add(FieldProblem.of(longitude == null ? "longitude" : "latitude", "customer.location.incomplete"));
            return problems;
        }
        if (longitude != null && longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            problems.add(FieldProblem.of("longitude", "customer.location.longitude", longitude.toPlainString()));
        }
        if (latitude != null && latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            problems.add(FieldProblem.of("latitude", "customer.location.latitude", latitude.toPlainString()));
        }
        return problems;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
    }

    private void requireVisible(Actor actor, org.jooq.Configuration cfg, UUID customerId) {
        if (!CustomerRepository.using(cfg, clock, code -> code).isVisible(actor, customerId)) {
            throw new SalesDeskException("activity.customer.notFound", customerId);
        }
    }
}
