package io.salesdesk.bench;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskFields;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskRepository;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
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
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadFields;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
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
import java.time.OffsetDateTime;
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
 * customers (their own fields and custom values), contacts, deals, tasks (title, description, priority) and leads (status, note, and
 * claims of pool leads), and follow-ups logged and deleted, with deliberate overlaps (a hot set of rows, few values per field) on the
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
    private static final String[] CUSTOM_FIELDS = {"custom.bed_count", "custom.grade"};
    private static final String[] LEAD_FIELDS = {"status", "note"};
    // A task's status is left out: a move also stamps its completion time and board order, which the
    // model would have to imitate; its title, description and priority are what both sides edit.
    private static final String[] TASK_FIELDS = {"title", "description", "priority"};
    private static final int LEADS = 100;
    private static final int POOL_LEADS = 60;
    // Pool leads the claims pick from: few, so two replicas often claim the same one.
    private static final int HOT_POOL = 20;
    // The model's mark of a deleted row (follow-ups), and of a follow-up's arrival; not fields.
    private static final String DELETED = "#deleted";
    private static final String ADDED = "#added";

    private final Random random;
    private final Clock clock = Clock.systemUTC();
    private final SyncHubWorkspace hubSpace;
    private final InterruptingHub hub;
    private final List<Database> replicas = new ArrayList<>();
    private final Model model = new Model();
    private final int[] editsBy = new int[4];
    private final Map<String, Integer> editsOf = new java.util.TreeMap<>();
    private final List<UUID> followUps = new ArrayList<>();
    private int syncsCompleted;
    private int interrupted;
    private int interruptedAfterHub;
    private int resumes;
    private int skippedNoChange;

    private SyncSoak(Path dir, long seed) {
        random = new Random(seed);
        hubSpace = new SyncHubWorkspace(dir.resolve("hub"), clock, CUSTOMERS);
        hubSpace.addDeals();
        hubSpace.addLeads(LEADS, POOL_LEADS);
        hubSpace.addTasks();
        // Custom fields are defined at the hub, before the replicas, which receive them.
        Actor admin = new Actor(hubSpace.reps.get(0).id(), "管理员", Role.ADMIN, hubSpace.company.path());
        CustomFieldService fields = new CustomFieldService(hubSpace.db, clock);
        fields.define(admin, CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "bed_count", FieldType.NUMBER,
                List.of(), false, null, null));
        fields.define(admin, CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", "grade", FieldType.TEXT,
                List.of(), false, null, null));
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

    /** What an edit hits. */
    private enum Target {
        CUSTOMER, CUSTOM_VALUE, CONTACT, DEAL, LEAD, LEAD_CLAIM, TASK
    }

    /** One random edit on a replica (0–2) or the hub (3); false if it changed nothing. */
    private boolean edit(int node) {
        Database db = node == 3 ? hubSpace.db : replicas.get(node);
        Map<UUID, Map<String, String>> view = node == 3 ? model.hub : model.replicas.get(node).view;
        User by = hubSpace.reps.get(node % 3);
        int kind = random.nextInt(22);
        if (kind >= 20) {
            return followUp(node, db, view, by);
        }
        Target target = kind < 8 ? Target.CUSTOMER : kind < 10 ? Target.CUSTOM_VALUE : kind < 13 ? Target.CONTACT
                : kind < 15 ? Target.DEAL : kind < 17 ? Target.LEAD : kind < 18 ? Target.LEAD_CLAIM : Target.TASK;
        int rows = target == Target.LEAD ? LEADS : target == Target.LEAD_CLAIM ? HOT_POOL : CUSTOMERS;
        int index = target == Target.LEAD_CLAIM || random.nextInt(3) == 0 ? random.nextInt(rows)
                : random.nextInt(HOT_ROWS);
        UUID id = switch (target) {
            case CUSTOMER, CUSTOM_VALUE -> hubSpace.customers.get(index);
            case CONTACT -> hubSpace.contacts.get(index);
            case DEAL -> hubSpace.deals.get(index);
            case LEAD -> hubSpace.leads.get(index);
            case LEAD_CLAIM -> hubSpace.poolLeads.get(index);
            case TASK -> hubSpace.tasks.get(index);
        };
        String[] fields = switch (target) {
            case CUSTOMER -> CUSTOMER_FIELDS;
            case CUSTOM_VALUE -> CUSTOM_FIELDS;
            case CONTACT -> CONTACT_FIELDS;
            case DEAL -> DEAL_FIELDS;
            case LEAD -> LEAD_FIELDS;
            case LEAD_CLAIM -> new String[] {"ownerId"};
            case TASK -> TASK_FIELDS;
        };
        String field = fields[random.nextInt(fields.length)];
        String value = target == Target.DEAL ? dealValue(field, index)
                : target == Target.TASK ? taskValue(field, index)
                : target == Target.LEAD_CLAIM ? by.id().toString() : value(field, index);
        String base = view.get(id).get(field);
        // A claim takes a lead only from the pool, as this node sees it.
        if (Objects.equals(base, value) || target == Target.LEAD_CLAIM && base != null) {
            skippedNoChange++;
            return false;
        }
        String actual = db.transactionResult(cfg -> switch (target) {
            case CUSTOMER -> editCustomer(cfg, by, id, field, value);
            case CUSTOM_VALUE -> editCustom(db, cfg, by, id, field, value);
            case CONTACT -> editContact(cfg, by, id, field, value);
            case DEAL -> editDeal(cfg, by, id, field, value);
            case LEAD, LEAD_CLAIM -> editLead(cfg, by, id, field, value);
            case TASK -> editTask(cfg, by, id, field, value);
        });
        editsOf.merge(target.name(), 1, Integer::sum);
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

    /**
     * A follow-up logged (a new row) or deleted, on a node; the model keeps only whether each exists
     * and is deleted, since follow-ups are never edited.
     */
    private boolean followUp(int node, Database db, Map<UUID, Map<String, String>> view, User by) {
        List<UUID> live = followUps.stream().filter(id -> view.containsKey(id) && view.get(id).get(DELETED) == null)
                .toList();
        Edit edit;
        if (!live.isEmpty() && random.nextInt(3) == 0) {
            UUID id = live.get(random.nextInt(live.size()));
            // Never edited, so still at version 1 on every side.
            db.transaction(cfg -> ActivityRepository.using(cfg, clock).delete(by.asActor(), ChangeReason.user(), id, 1));
            view.get(id).put(DELETED, "true");
            edit = new Edit(id, DELETED, null, "true");
            editsOf.merge("FOLLOW_UP_DELETE", 1, Integer::sum);
        } else {
            UUID id = Ids.newId(clock);
            UUID customerId = hubSpace.customers.get(random.nextInt(HOT_ROWS));
            db.transaction(cfg -> ActivityRepository.using(cfg, clock).insertAll(by.asActor(), ChangeReason.user(),
                    List.of(new ActivityRepository.NewActivity(id, customerId, by.id(), new ActivityDraft(
                            ActivityKind.CALL, OffsetDateTime.now(clock), null, 5, "跟进" + followUps.size(), null,
                            null, null)))));
            followUps.add(id);
            view.put(id, new HashMap<>());
            edit = new Edit(id, ADDED, null, "true");
            editsOf.merge("FOLLOW_UP_ADD", 1, Integer::sum);
        }
        if (node < 3) {
            model.replicas.get(node).pending.add(edit);
        }
        return true;
    }

    private String value(String field, int index) {
        int k = random.nextInt(4);
        return switch (field) {
            case "custom.bed_count" -> k == 0 ? null : Integer.toString(100 * k);
            case "custom.grade" -> k == 0 ? null : new String[] {"三甲", "三乙", "二甲"}[k - 1];
            case "status" -> new String[] {"ASSIGNED", "CONTACTED", "QUALIFIED", "NEW"}[k];
            case "note" -> k == 0 ? null : "线索备注" + k;
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

    private String taskValue(String field, int index) {
        int k = random.nextInt(4);
        return switch (field) {
            case "title" -> "任务" + index + (k == 0 ? "" : "-" + k);
            case "description" -> k == 0 ? null : "说明" + k;
            default -> TaskPriority.values()[k].name();
        };
    }

    /** A task's title, description or priority, written as its form writes it (the other fields kept). */
    private String editTask(org.jooq.Configuration cfg, User by, UUID id, String field, String value) {
        TaskRepository tasks = TaskRepository.using(cfg, clock);
        Task t = tasks.findAny(id).orElseThrow();
        String before = switch (field) {
            case "title" -> t.title();
            case "description" -> t.description();
            default -> t.priority().name();
        };
        TaskFields f = new TaskFields("title".equals(field) ? value : t.title(),
                "description".equals(field) ? value : t.description(), t.assigneeId(), t.status(),
                "priority".equals(field) ? TaskPriority.valueOf(value) : t.priority(), t.dueAt(), t.customerId(),
                t.opportunityId(), t.remindedAt(), t.completedAt(), t.rank());
        tasks.update(by.asActor(), ChangeReason.user(), id, t.version(), f);
        return before;
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

    private String editCustom(Database db, org.jooq.Configuration cfg, User by, UUID id, String field, String value) {
        String key = field.substring("custom.".length());
        CustomFieldService fields = new CustomFieldService(db, clock);
        String before = fields.values(cfg, CustomEntity.CUSTOMER, List.of(id)).getOrDefault(id, Map.of()).get(key);
        Map<String, String> values = new HashMap<>();
        values.put(key, value);
        fields.setImportedValues(cfg, by.asActor(), ChangeReason.user(), CustomEntity.CUSTOMER, id, values);
        return before;
    }

    /** A lead's status or note, or a claim: its owner set from none to the rep. */
    private String editLead(org.jooq.Configuration cfg, User by, UUID id, String field, String value) {
        LeadRepository leads = LeadRepository.using(cfg, clock);
        Lead l = leads.findAny(id).orElseThrow();
        String before = switch (field) {
            case "status" -> l.status().name();
            case "note" -> l.note();
            default -> l.ownerId() == null ? null : l.ownerId().toString();
        };
        LeadFields f = LeadFields.of(l);
        LeadDraft d = f.draft();
        LeadFields after = switch (field) {
            case "status" -> new LeadFields(d, LeadStatus.valueOf(value), f.ownerId(), f.assignedAt(),
                    f.assignmentReason(), f.assignmentFlag(), f.firstResponseAt(), f.responseMinutes(),
                    f.disqualifyReason(), f.customerId(), f.opportunityId(), f.closedAt(), f.boardRank());
            case "note" -> new LeadFields(new LeadDraft(d.name(), d.contactName(), d.phone(), d.address(),
                    d.regionCode(), d.industry(), d.tier(), d.source(), value), f.status(), f.ownerId(), f.assignedAt(),
                    f.assignmentReason(), f.assignmentFlag(), f.firstResponseAt(), f.responseMinutes(),
                    f.disqualifyReason(), f.customerId(), f.opportunityId(), f.closedAt(), f.boardRank());
            default -> new LeadFields(d, f.status(), UUID.fromString(value), OffsetDateTime.now(clock),
                    f.assignmentReason(), f.assignmentFlag(), f.firstResponseAt(), f.responseMinutes(),
                    f.disqualifyReason(), f.customerId(), f.opportunityId(), f.closedAt(), f.boardRank());
        };
        leads.update(by.asActor(), ChangeReason.user(), id, l.version(), old -> after);
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
        int deletedNeverSeen = 0;
        for (Map.Entry<UUID, Map<String, String>> row : model.hub.entrySet()) {
            RowState actual = hubRows.get(row.getKey());
            if (actual == null) {
                fieldMismatches++;
                continue;
            }
            for (Map.Entry<String, String> f : row.getValue().entrySet()) {
                if (f.getKey().equals(DELETED)) {
                    continue;
                }
                if (!Objects.equals(f.getValue(), actual.get(f.getKey()))) {
                    fieldMismatches++;
                }
            }
            if ((row.getValue().get(DELETED) != null) != actual.deleted()) {
                fieldMismatches++;
            }
        }
        for (Database replica : replicas) {
            Map<UUID, RowState> rows = SyncedRows.read(replica);
            for (Map.Entry<UUID, RowState> row : hubRows.entrySet()) {
                RowState mine = rows.get(row.getKey());
                if (mine == null && row.getValue().deleted()) {
                    // Made and deleted elsewhere before this replica saw it: sync does not copy a
                    // deleted row a side never had, which is the same to its users.
                    deletedNeverSeen++;
                    continue;
                }
                if (mine == null || !mine.fields().equals(row.getValue().fields())
                        || mine.deleted() != row.getValue().deleted()) {
                    if (replicaMismatches++ < 5) {
                        // The first few, to find why.
                        System.out.printf("replica row differs: %s %s%n  hub     %s deleted=%s%n  replica %s%n",
                                row.getValue().entity(), row.getKey(), row.getValue().fields(),
                                row.getValue().deleted(), mine == null ? "missing"
                                        : mine.fields() + " deleted=" + mine.deleted());
                    }
                }
            }
        }
        List<String> actualConflicts = new ArrayList<>();
        Map<String, Integer> conflictsOf = new java.util.TreeMap<>();
        for (SyncConflict c : new SyncConflictService(hubSpace.db, clock).all()) {
            conflictsOf.merge(c.kind() + " " + c.entity() + (c.field().startsWith("custom.") ? " custom" : ""), 1,
                    Integer::sum);
            actualConflicts.add(c.entityId() + "|" + c.field() + "|" + c.baseValue() + "|" + c.hubValue() + "|"
                    + c.incomingValue());
        }
        List<String> expectedConflicts = new ArrayList<>(model.conflicts);
        actualConflicts.sort(null);
        expectedConflicts.sort(null);
        boolean conflictsMatch = actualConflicts.equals(expectedConflicts);
        // Every replica edit must have reached the hub and met the merge rule: taken, equal or a conflict.
        long lost = editsBy[0] + editsBy[1] + editsBy[2] - model.fates.size();
        System.out.printf("sync soak: hub + 3 replicas, %d customers (2 custom fields) + %d contacts + %d deals"
                + " + %d tasks + %d leads + %d pool leads, page %d%n", CUSTOMERS, CUSTOMERS, CUSTOMERS, CUSTOMERS, LEADS,
                POOL_LEADS, PAGE);
        System.out.printf("edits: %d (replicas %d / %d / %d, hub %d); %d picks skipped as no change%n",
                editsBy[0] + editsBy[1] + editsBy[2] + editsBy[3], editsBy[0], editsBy[1], editsBy[2], editsBy[3],
                skippedNoChange);
        System.out.printf("edits by target: %s; follow-ups logged %d%n", editsOf, followUps.size());
        System.out.printf("syncs: %d completed (%d of them resuming an interrupted one), %d interrupted"
                + " (%d after the hub had applied pages)%n", syncsCompleted, resumes, interrupted, interruptedAfterHub);
        System.out.printf("replica edits merged at the hub: %d taken, %d already equal, %d conflicts%n",
                model.count(Fate.TAKEN), model.count(Fate.EQUAL), model.count(Fate.CONFLICT));
        System.out.printf("conflict rows: %d recorded, %d predicted by the model, identical: %s%n",
                actualConflicts.size(), expectedConflicts.size(), conflictsMatch);
        System.out.printf("conflicts recorded by kind: %s%n", conflictsOf);
        System.out.printf("hub fields differing from the model: %d; replica rows differing from the hub: %d"
                + " (besides %d deleted rows a replica never had); edits lost: %d%n", fieldMismatches,
                replicaMismatches, deletedNeverSeen, lost);
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
            if (e.field().equals(ADDED)) {
                hub.put(e.id(), new HashMap<>());
                fates.put(e, Fate.TAKEN);
                return;
            }
            Map<String, String> row = hub.get(e.id());
            if (e.field().equals(DELETED)) {
                // A delete wins; a second delete of a deleted follow-up changes nothing.
                fates.put(e, row.get(DELETED) == null ? Fate.TAKEN : Fate.EQUAL);
                row.put(DELETED, "true");
                return;
            }
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
