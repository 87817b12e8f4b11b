package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.InterruptingHub;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.RowState;
import io.salesdesk.sync.SyncConflict;
import io.salesdesk.sync.SyncConflictService;
import io.salesdesk.sync.SyncService;
import io.salesdesk.sync.SyncedRows;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The sync soak test of issue 11: a hub and three replicas of the whole company, random edits of
 * customers, contacts and deals with deliberate overlaps (a hot set of rows, few values per field) on the
 * replicas and the hub, syncs at random with interrupted ones among them, then every replica synced
 * until all converge. An independent model replays each edit with the merge rule of decision 6 and
 * predicts the hub's rows and every conflict; the figures printed compare the databases with it.
 *
 * <p>Run: {@code java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.SyncSoak [edits]
 * [interruptions] [seed]} (defaults 10000 50 11). An interrupted replica is resumed before it edits
 * again (a replica that lost its line mid-sync retries it first), so the model knows the base of
 * every edit; the other replicas and the hub go on meanwhile.
 */
public final class SyncSoak {

    private static final int CUSTOMERS = 200;
    private static final int HOT_ROWS = 15;
    private static final int PAGE = 25;
    private static final String[] CUSTOMER_FIELDS = {"name", "phone", "address", "industry", "tier"};
    private static final String[] CONTACT_FIELDS = {"title", "mobile", "notes"};
    private static final String[] DEAL_FIELDS = {"name", "amount", "products", "expectedCloseOn"};

    private final Random random;
    private final Clock clock = Clock.systemUTC();
    private final SyncHubWorkspace hubSpace;
    private final InterruptingHub hub;
    private final List<Database> replicas = new ArrayList<>();
    private final Model model = new Model();
    private final int[] editsBy = new int[4];
    private int syncsCompleted;
    private int interrupted;
    private int interruptedAfterHub;
    private int resumes;
    private int skippedNoChange;

    private SyncSoak(Path dir, long seed) {
        random = new Random(seed);
        hubSpace = new SyncHubWorkspace(dir.resolve("hub"), clock, CUSTOMERS);
        hubSpace.addDeals();
        hub = new InterruptingHub(new LocalHub(hubSpace.db, clock));
        model.hub.putAll(copy(SyncedRows.read(hubSpace.db)));
        for (int i = 0; i < 3; i++) {
            replicas.add(SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("replica" + i)),
                    hubSpace.company.id(), clock, PAGE));
            model.replicas.add(new ReplicaModel(copy(model.hub)));
        }
    }

    public static void main(String[] args) throws IOException {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int interruptions = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11;
        Path dir = Files.createTempDirectory("salesdesk-sync-soak");
        long started = System.nanoTime();
        SyncSoak soak = new SyncSoak(dir, seed);
        try {
            soak.run(edits, interruptions);
            boolean ok = soak.report((System.nanoTime() - started) / 1_000_000);
            System.exit(ok ? 0 : 1);
        } finally {
            soak.close();
        }
    }

    private void run(int edits, int interruptions) {
        int made = 0;
        while (made < edits) {
            int node = random.nextInt(10) < 2 ? 3 : random.nextInt(3);
            if (node < 3 && model.replicas.get(node).needsResume) {
                sync(node, false);
            }
            if (edit(node)) {
                made++;
                editsBy[node]++;
            }
            if (random.nextInt(25) == 0) {
                int r = random.nextInt(3);
                boolean drop = interrupted < interruptions && !model.replicas.get(r).needsResume && random.nextInt(3) == 0;
                sync(r, drop);
            }
        }
        // Converge: everyone pushes, then everyone pulls.
        for (int round = 0; round < 2; round++) {
            for (int r = 0; r < 3; r++) {
                sync(r, false);
            }
        }
    }

    /** One random edit on a replica (0–2) or the hub (3); false if it changed nothing. */
    private boolean edit(int node) {
        Database db = node == 3 ? hubSpace.db : replicas.get(node);
        Map<UUID, Map<String, String>> view = node == 3 ? model.hub : model.replicas.get(node).view;
        int kind = random.nextInt(10);
        boolean customer = kind < 5;
        boolean deal = kind >= 8;
        int index = random.nextInt(3) == 0 ? random.nextInt(CUSTOMERS) : random.nextInt(HOT_ROWS);
        UUID id = customer ? hubSpace.customers.get(index) : deal ? hubSpace.deals.get(index) : hubSpace.contacts.get(index);
        String[] fields = customer ? CUSTOMER_FIELDS : deal ? DEAL_FIELDS : CONTACT_FIELDS;
        String field = fields[random.nextInt(fields.length)];
        String value = deal ? dealValue(field, index) : value(field, index);
        String base = view.get(id).get(field);
        if (Objects.equals(base, value)) {
            skippedNoChange++;
            return false;
        }
        User by = hubSpace.reps.get(node % 3);
        String actual = db.transactionResult(cfg -> customer ? editCustomer(cfg, by, id, field, value)
                : deal ? editDeal(cfg, by, id, field, value) : editContact(cfg, by, id, field, value));
        if (!Objects.equals(actual, base)) {
            throw new IllegalStateException("Model and database disagree before an edit on node " + node + ": " + id
                    + " " + field + " model " + base + ", database " + actual);
        }
        view.get(id).put(field, value);
        if (node < 3) {
            model.replicas.get(node).pending.add(new Edit(id, field, base, value));
        }
        return true;
    }

    private String value(String field, int index) {
        int k = random.nextInt(4);
        return switch (field) {
            case "name" -> "苏州客户" + index + (k == 0 ? "" : "-" + k);
            case "phone" -> "0512-6522363" + k;
            case "address" -> "人民路" + index + "号" + (k == 0 ? "" : k + "楼");
            case "industry" -> new String[] {"HOSPITAL", "SCHOOL", "FACTORY", "GOVERNMENT"}[k];
            case "tier" -> Tier.values()[k].name();
            case "title" -> new String[] {"采购", "科长", "主任", "院长"}[k];
            case "mobile" -> "1391234567" + k;
            default -> "备注" + k;
        };
    }

    private String dealValue(String field, int index) {
        int k = random.nextInt(4);
        return switch (field) {
            case "name" -> "项目" + index + (k == 0 ? "" : "-" + k);
            case "amount" -> Integer.toString(100000 + 10000 * k);
            case "products" -> k == 0 ? null : "产品" + k;
            default -> k == 0 ? null : "2027-0" + k + "-15";
        };
    }

    private String editDeal(org.jooq.Configuration cfg, User by, UUID id, String field, String value) {
        OpportunityRepository deals = OpportunityRepository.using(cfg, clock);
        Opportunity d = deals.findAny(id).orElseThrow();
        Map<String, String> f = new HashMap<>();
        f.put("name", d.name());
        f.put("amount", d.amount() == null ? null : d.amount().stripTrailingZeros().toPlainString());
        f.put("products", d.products());
        f.put("expectedCloseOn", d.expectedCloseOn() == null ? null : d.expectedCloseOn().toString());
        String before = f.get(field);
        f.put(field, value);
        OpportunityDraft draft = new OpportunityDraft(d.customerId(), f.get("name"), d.ownerId(), d.stage(),
                f.get("amount") == null ? null : new BigDecimal(f.get("amount")),
                f.get("expectedCloseOn") == null ? null : LocalDate.parse(f.get("expectedCloseOn")), d.probability(),
                f.get("products"), d.closeReason());
        deals.update(by.asActor(), ChangeReason.user(), id, d.version(), draft, d.probability(), false, d.rank());
        return before;
    }

    private String editCustomer(org.jooq.Configuration cfg, User by, UUID id, String field, String value) {
        CustomerRepository customers = CustomerRepository.using(cfg, clock, UnaryOperator.identity());
        Customer c = customers.findAny(id).orElseThrow();
        Map<String, String> f = new HashMap<>();
        f.put("name", c.name());
        f.put("phone", c.phone());
        f.put("address", c.address());
        f.put("industry", c.industry());
        f.put("tier", c.tier().name());
        String before = f.get(field);
        f.put(field, value);
        CustomerDraft draft = new CustomerDraft(f.get("name"), c.creditCode(), Tier.valueOf(f.get("tier")),
                f.get("industry"), c.regionCode(), f.get("address"), f.get("phone"), c.ownerId());
        customers.update(by.asActor(), ChangeReason.user(), id, c.version(), draft, CompanyName.normalise(draft.name()));
        return before;
    }

    private String editContact(org.jooq.Configuration cfg, User by, UUID id, String field, String value) {
        ContactRepository contacts = ContactRepository.using(cfg, clock);
        Contact c = contacts.find(id).orElseThrow();
        String before = switch (field) {
            case "title" -> c.title();
            case "mobile" -> c.mobile();
            default -> c.notes();
        };
        ContactDraft draft = new ContactDraft(c.name(), "title".equals(field) ? value : c.title(),
                "mobile".equals(field) ? value : c.mobile(), c.phone(), c.email(), c.wechat(), c.primary(),
                "notes".equals(field) ? value : c.notes());
        contacts.update(by.asActor(), ChangeReason.user(), id, c.version(), draft);
        return before;
    }

    private void sync(int r, boolean drop) {
        ReplicaModel m = model.replicas.get(r);
        if (drop) {
            hub.dropAt(1 + random.nextInt(4), random.nextBoolean() ? InterruptingHub.When.BEFORE_HUB
                    : InterruptingHub.When.AFTER_HUB);
        }
        boolean resume = m.needsResume;
        int before = hub.pushesApplied();
        boolean completed;
        try {
            new SyncService(replicas.get(r), clock, PAGE).sync(hub);
            completed = true;
        } catch (InterruptingHub.LineDropped e) {
            completed = false;
        } finally {
            hub.reset();
        }
        int pages = hub.pushesApplied() - before;
        // A resumed sync first re-sends the page whose answer was lost; the model applied it already.
        int applied = completed ? m.pending.size() : Math.min(m.pending.size(), pages * PAGE);
        for (Edit e : m.pending.subList(0, applied)) {
            model.mergeAtHub(e);
        }
        m.pending.subList(0, applied).clear();
        if (completed) {
            syncsCompleted++;
            if (resume) {
                resumes++;
            }
            m.view = copy(model.hub);
            m.needsResume = false;
        } else {
            interrupted++;
            if (pages > 0 && applied > 0) {
                interruptedAfterHub++;
            }
            m.needsResume = true;
        }
    }

    private boolean report(long millis) {
        Map<UUID, RowState> hubRows = SyncedRows.read(hubSpace.db);
        int fieldMismatches = 0;
        int replicaMismatches = 0;
        for (Map.Entry<UUID, Map<String, String>> row : model.hub.entrySet()) {
            RowState actual = hubRows.get(row.getKey());
            for (Map.Entry<String, String> f : row.getValue().entrySet()) {
                if (!Objects.equals(f.getValue(), actual.get(f.getKey()))) {
                    fieldMismatches++;
                }
            }
        }
        for (Database replica : replicas) {
            Map<UUID, RowState> rows = SyncedRows.read(replica);
            for (Map.Entry<UUID, RowState> row : hubRows.entrySet()) {
                RowState mine = rows.get(row.getKey());
                if (mine == null || !mine.fields().equals(row.getValue().fields())
                        || mine.deleted() != row.getValue().deleted()) {
                    replicaMismatches++;
                }
            }
        }
        List<String> actualConflicts = new ArrayList<>();
        for (SyncConflict c : new SyncConflictService(hubSpace.db, clock).all()) {
            actualConflicts.add(c.entityId() + "|" + c.field() + "|" + c.baseValue() + "|" + c.hubValue() + "|"
                    + c.incomingValue());
        }
        List<String> expectedConflicts = new ArrayList<>(model.conflicts);
        actualConflicts.sort(null);
        expectedConflicts.sort(null);
        boolean conflictsMatch = actualConflicts.equals(expectedConflicts);
        // Every replica edit must have reached the hub and met the merge rule: taken, equal or a conflict.
        long lost = editsBy[0] + editsBy[1] + editsBy[2] - model.fates.size();
        System.out.printf("sync soak: hub + 3 replicas, %d customers + %d contacts + %d deals, page %d%n", CUSTOMERS,
                CUSTOMERS, CUSTOMERS, PAGE);
        System.out.printf("edits: %d (replicas %d / %d / %d, hub %d); %d picks skipped as no change%n",
                editsBy[0] + editsBy[1] + editsBy[2] + editsBy[3], editsBy[0], editsBy[1], editsBy[2], editsBy[3],
                skippedNoChange);
        System.out.printf("syncs: %d completed (%d of them resuming an interrupted one), %d interrupted"
                + " (%d after the hub had applied pages)%n", syncsCompleted, resumes, interrupted, interruptedAfterHub);
        System.out.printf("replica edits merged at the hub: %d taken, %d already equal, %d conflicts%n",
                model.count(Fate.TAKEN), model.count(Fate.EQUAL), model.count(Fate.CONFLICT));
        System.out.printf("conflict rows: %d recorded, %d predicted by the model, identical: %s%n",
                actualConflicts.size(), expectedConflicts.size(), conflictsMatch);
        System.out.printf("hub fields differing from the model: %d; replica rows differing from the hub: %d;"
                + " edits lost: %d%n", fieldMismatches, replicaMismatches, lost);
        System.out.printf("time: %.1f s%n", millis / 1000.0);
        boolean ok = conflictsMatch && fieldMismatches == 0 && replicaMismatches == 0 && lost == 0;
        System.out.println(ok ? "CONVERGED" : "FAILED");
        return ok;
    }

    private void close() {
        replicas.forEach(Database::close);
        hubSpace.db.close();
    }

    private static Map<UUID, Map<String, String>> copy(Map<UUID, ?> rows) {
        Map<UUID, Map<String, String>> out = new HashMap<>();
        rows.forEach((id, row) -> out.put(id, new HashMap<>(row instanceof RowState s ? s.fields()
                : castRow(row))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castRow(Object row) {
        return (Map<String, String>) row;
    }

    /** One replica edit: a field from its base to a new value. */
    private record Edit(UUID id, String field, String base, String value) {
    }

    private enum Fate {
        TAKEN, EQUAL, CONFLICT
    }

    private static final class ReplicaModel {
        Map<UUID, Map<String, String>> view;
        final List<Edit> pending = new ArrayList<>();
        boolean needsResume;

        ReplicaModel(Map<UUID, Map<String, String>> view) {
            this.view = view;
        }
    }

    /** What the hub should hold, written without the sync code: the merge rule of decision 6. */
    private static final class Model {
        final Map<UUID, Map<String, String>> hub = new HashMap<>();
        final List<ReplicaModel> replicas = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        final Map<Edit, Fate> fates = new java.util.IdentityHashMap<>();

        void mergeAtHub(Edit e) {
            Map<String, String> row = hub.get(e.id());
            String now = row.get(e.field());
            if (Objects.equals(now, e.value())) {
                fates.put(e, Fate.EQUAL);
            } else if (Objects.equals(now, e.base())) {
                row.put(e.field(), e.value());
                fates.put(e, Fate.TAKEN);
            } else {
                conflicts.add(e.id() + "|" + e.field() + "|" + e.base() + "|" + now + "|" + e.value());
                fates.put(e, Fate.CONFLICT);
            }
        }

        long count(Fate fate) {
            return fates.values().stream().filter(f -> f == fate).count();
        }
    }
}
