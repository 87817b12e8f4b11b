package io.salesdesk.ledger.commerce;

import io.salesdesk.commerce.cost.CostBasis;
import io.salesdesk.commerce.cost.CostDraft;
import io.salesdesk.commerce.cost.CostEntry;
import io.salesdesk.commerce.cost.CostKind;
import io.salesdesk.commerce.cost.CostRepository;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.commerce.cost.CostSubkind;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.LedgerEntity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Cost entries (费用) as an import target, so {@code salesdesk import FILE --entity costs} brings in
 * a cost ledger: each row names its customer by name and/or its deal by name (among the customer's
 * deals, or the one deal of that name the importer sees), and is checked by {@link CostService}
 * exactly as a cost typed in; pre-sales rows take hours × rate as the amount. Costs are events, so
 * no row is a duplicate of another; undo removes the batch's costs unless changed since.
 */
public final class CostImportTarget implements ImportTarget {

    static final String UNKNOWN_CUSTOMER = "ledger.import.unknownCustomer";
    static final String AMBIGUOUS_CUSTOMER = "ledger.import.ambiguousCustomer";
    static final String UNKNOWN_DEAL = "ledger.import.cost.unknownDeal";
    static final String AMBIGUOUS_DEAL = "ledger.import.cost.ambiguousDeal";
    private static final int PROGRESS_STEP = 500;

    private final Database db;
    private final Clock clock;
    private final CostService costs;

    public CostImportTarget(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.costs = new CostService(db, clock);
    }

    @Override
    public LedgerEntity entity() {
        return CostLedger.ENTITY;
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        Lookup lookup = db.transactionResult(cfg -> Lookup.load(cfg, clock, actor, rows));
        int done = 0;
        for (ImportRow row : rows) {
            read(actor, mapping, lookup, row);
            if (++done % PROGRESS_STEP == 0) {
                monitor.checkCancelled();
                monitor.progress(ImportPhase.VALIDATE, done, rows.size());
            }
        }
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        List<CostEntry> entries = new ArrayList<>();
        List<WrittenRow> written = new ArrayList<>();
        for (ImportRow row : rows) {
            if (row.action() == RowAction.CREATE && row.plan() instanceof CostEntry entry) {
                entries.add(entry);
                written.add(new WrittenRow(entry.id(), RowAction.CREATE, row.rowNumber(), 1L));
            }
        }
        CostRepository.using(configuration, clock).insertAll(actor, reason, entries);
        monitor.progress(ImportPhase.COMMIT, entries.size(), entries.size());
        return written;
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        CostRepository repository = CostRepository.using(configuration, clock);
        int removed = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            try {
                repository.delete(actor, reason, row.entityId(), row.versionAfter());
                removed++;
            } catch (StaleRecordException e) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), null, row.rowNumber()));
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, 0, conflicts);
    }

    private void read(Actor actor, ColumnMapping mapping, Lookup lookup, ImportRow row) {
        String customerText = text(row, "customer");
        String dealText = text(row, "opportunity");
        UUID customerId = null;
        if (customerText != null) {
            List<Customer> named = lookup.customers(customerText);
            if (named.size() != 1) {
                problem(mapping, row, "customer", customerText, named.isEmpty() ? UNKNOWN_CUSTOMER : AMBIGUOUS_CUSTOMER,
                        customerText);
                return;
            }
            customerId = named.get(0).id();
        }
        UUID dealId = null;
        if (dealText != null) {
            UUID within = customerId;
            List<Opportunity> deals = lookup.deals(dealText).stream()
                    .filter(o -> within == null || o.customerId().equals(within)).toList();
            if (deals.size() != 1) {
                problem(mapping, row, "opportunity", dealText, deals.isEmpty() ? UNKNOWN_DEAL : AMBIGUOUS_DEAL, dealText);
                return;
            }
            dealId = deals.get(0).id();
        }
        String basis = text(row, "basis");
        String subkind = text(row, "subkind");
        String kind = text(row, "kind");
        CostDraft draft = new CostDraft(kind == null ? null : CostKind.valueOf(kind),
                subkind == null ? null : CostSubkind.valueOf(subkind), dealId, customerId, text(row, "channel"),
                decimal(row, "amount"), decimal(row, "hours"), decimal(row, "hourlyRate"),
                row.values().get("incurredOn") instanceof LocalDate d ? d : null,
                basis == null ? CostBasis.MEASURED : CostBasis.valueOf(basis), text(row, "note"));
        try {
            row.plan(costs.validate(actor, draft));
        } catch (ValidationException e) {
            for (ValidationException.FieldProblem p : e.problems()) {
                String field = switch (p.field()) {
                    case "customerId" -> customerText != null || dealText == null ? "customer" : "opportunity";
                    case "opportunityId" -> "opportunity";
                    default -> p.field();
                };
                problem(mapping, row, field, text(row, field), p.messageKey(), p.arguments().toArray());
            }
        }
    }

    private static String text(ImportRow row, String field) {
        Object value = row.values().get(field);
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private static BigDecimal decimal(ImportRow row, String field) {
        Object value = row.values().get(field);
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static void problem(ColumnMapping mapping, ImportRow row, String field, String value, String key,
            Object... args) {
        Optional<MappedColumn> column = mapping.columnFor(field);
        row.addProblem(new CellProblem(row.rowNumber(), column.map(MappedColumn::column).orElse(-1),
                column.map(MappedColumn::header).orElse(field), value == null ? "" : value, key, List.of(args)));
    }

    /** The customers and deals the rows name, that the importer sees, loaded in a few queries. */
    private record Lookup(Map<String, List<Customer>> byName, Map<String, List<Opportunity>> dealsByName) {

        static Lookup load(Configuration cfg, Clock clock, Actor actor, List<ImportRow> rows) {
            CustomerRepository customers = CustomerRepository.using(cfg, clock, code -> code);
            List<String> names = rows.stream().map(r -> text(r, "customer")).filter(n -> n != null)
                    .map(CompanyName::normalise).distinct().toList();
            List<Customer> found = customers.findLiveByNormalizedNames(names);
            Set<UUID> visible = customers.visibleAmong(actor, found.stream().map(Customer::id).toList());
            Map<String, List<Customer>> byName = new HashMap<>();
            for (Customer c : found) {
                if (visible.contains(c.id())) {
                    byName.computeIfAbsent(CompanyName.normalise(c.name()), k -> new ArrayList<>()).add(c);
                }
            }
            Map<String, List<Opportunity>> deals = new HashMap<>();
            boolean namesDeals = rows.stream().anyMatch(r -> text(r, "opportunity") != null);
            if (namesDeals) {
                List<UUID> ids = byName.values().stream().flatMap(List::stream).map(Customer::id).toList();
                for (Opportunity o : OpportunityRepository.using(cfg, clock).findLiveByCustomerIds(actor, ids)) {
                    deals.computeIfAbsent(o.name().strip(), k -> new ArrayList<>()).add(o);
                }
            }
            return new Lookup(byName, deals);
        }

        List<Customer> customers(String name) {
            return byName.getOrDefault(CompanyName.normalise(name), List.of());
        }

        List<Opportunity> deals(String name) {
            return dealsByName.getOrDefault(name.strip(), List.of());
        }
    }
}
