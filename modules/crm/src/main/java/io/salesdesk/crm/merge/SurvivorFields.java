package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The survivor's side of a merge's undo: the fields it took from the merged customer get their old
 * values back, each only if it still holds the value the merge gave it (a field someone edited since
 * keeps the edit and is listed). The old values come from the merge's own audit entry on the survivor.
 */
final class SurvivorFields {

    private final ChangeLog changeLog;
    private final CustomerRepository customers;

    SurvivorFields(Configuration configuration, Clock clock, CustomerRepository customers) {
        this.changeLog = ChangeLog.using(configuration, clock);
        this.customers = customers;
    }

    /** @return the fields left as they are, as {@code customer} rows labelled with the field */
    List<MovedBack.Left> restore(Actor actor, ChangeReason reason, CustomerMergeRepository.Merge merge) {
        String mergeReason = "merge " + merge.mergedId() + " into " + merge.survivorId();
        Map<String, FieldChange> taken = new LinkedHashMap<>();
        changeLog.forEntity(merge.survivorId()).stream()
                .filter(e -> e.operation() == ChangeEntry.Operation.UPDATE && mergeReason.equals(e.reasonDetail()))
                .reduce((first, second) -> second)
                .ifPresent(e -> e.changes().forEach((field, change) -> {
                    if (CustomerMergeService.FIELDS.contains(field)) {
                        taken.put(field, change);
                    }
                }));
        if (taken.isEmpty()) {
            return List.of();
        }
        Optional<Customer> survivor = customers.findAny(merge.survivorId());
        List<MovedBack.Left> left = new ArrayList<>();
        if (survivor.isEmpty()) {
            taken.keySet().forEach(f -> left.add(new MovedBack.Left("customer", merge.survivorId(), f)));
            return left;
        }
        CustomerDraft draft = survivor.get().toDraft();
        boolean changed = false;
        for (Map.Entry<String, FieldChange> e : taken.entrySet()) {
            if (Objects.equals(text(draft, e.getKey()), e.getValue().newValue())) {
                draft = with(draft, e.getKey(), e.getValue().oldValue());
                changed = true;
            } else {
                left.add(new MovedBack.Left("customer", merge.survivorId(), e.getKey()));
            }
        }
        if (changed) {
            customers.update(actor, reason, merge.survivorId(), survivor.get().version(), draft,
                    CompanyName.normalise(draft.name()));
        }
        return left;
    }

    private static String text(CustomerDraft d, String field) {
        Object value = switch (field) {
            case "name" -> d.name();
            case "creditCode" -> d.creditCode();
            case "tier" -> d.tier();
            case "industry" -> d.industry();
            case "regionCode" -> d.regionCode();
            case "address" -> d.address();
            case "phone" -> d.phone();
            case "ownerId" -> d.ownerId();
            default -> throw new IllegalArgumentException(field);
        };
        return value == null ? null : value.toString();
    }

    private static CustomerDraft with(CustomerDraft d, String field, String v) {
        return new CustomerDraft(
                field.equals("name") ? v : d.name(),
                field.equals("creditCode") ? v : d.creditCode(),
                field.equals("tier") ? (v == null ? null : Tier.valueOf(v)) : d.tier(),
                field.equals("industry") ? v : d.industry(),
                field.equals("regionCode") ? v : d.regionCode(),
                field.equals("address") ? v : d.address(),
                field.equals("phone") ? v : d.phone(),
                field.equals("ownerId") ? (v == null ? null : UUID.fromString(v)) : d.ownerId());
    }
}
