package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.DatabaseServer;
import io.salesdesk.db.FieldChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The lost-update soak of issue 11: several clients, each with its own {@link Database} (its own
 * connection pool) on one shared database, update a shared set of customers through
 * {@link CustomerService} at the same time. Each update reads a customer, adds one to a counter kept
 * in its address ("计数 N") and sets its tier at random, and is retried when the version check
 * refuses it. An independent model (what each client counted as saved, per customer) is then
 * checked against the database: every counter equals the number of saved increments, every version
 * moved once per saved update, and every saved update is in the change log exactly once, under the
 * client that made it. A lost update shows as a difference.
 *
 * <p>Run: {@code java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.LostUpdateSoak
 * [updates] [clients] [customers] [postgresUrl]} (defaults 10000 8 50; the PostgreSQL URL, with
 * user and password as URL parameters, may also come from {@code SALESDESK_SOAK_PG_URL}). It soaks
 * an HSQLDB server it starts on a free port in a temporary folder, then PostgreSQL when a URL is
 * given; on PostgreSQL it adds its own users and customers and leaves the rest alone.
 */
public final class LostUpdateSoak {

    private static final String COUNTER = "计数 ";

    /**
     * What a soak found.
     *
     * @param database   which database
     * @param clients    concurrent clients
     * @param saved      updates saved (each client's count of successes, summed)
     * @param retries    saves refused by the version check and retried
     * @param elapsed    wall time of the updates
     * @param problems   every difference between the model and the database; empty means no update was lost
     */
    public record Result(String database, int clients, int saved, long retries, Duration elapsed,
                         List<String> problems) {

        /** One line for a person. */
        public String summary() {
            return String.format("%s: %d clients, %d updates saved, %d retries after a version conflict, %.1f s"
                            + " (%.0f updates/s), lost updates: %s", database, clients, saved, retries,
                    elapsed.toMillis() / 1000.0, saved * 1000.0 / Math.max(1, elapsed.toMillis()),
                    problems.isEmpty() ? "0" : problems.size() + " problems " + problems.subList(0,
                            Math.min(5, problems.size())));
        }
    }

    private final Clock clock = Clock.systemUTC();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /**
     * Soaks one database.
     *
     * @param setup   a connection to prepare the users and customers and to check the outcome
     * @param client  opens one client's own database connection (pool); called once per client
     * @param updates updates in all, shared out between the clients
     */
    public Result run(String label, Database setup, Supplier<Database> client, int clients, int updates,
                      int customerCount, long seed) {
        List<User> users = users(setup, clients);
        List<Customer> customers = customers(setup, users.get(0), customerCount);
        // saved[client][customer]: the model, each client's own count of its saved increments.
        int[][] saved = new int[clients][customerCount];
        AtomicLong retries = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int me = c;
                int share = updates / clients + (c < updates % clients ? 1 : 0);
                running.add(pool.submit(() -> {
                    try (Database own = client.get()) {
                        CustomerService service = new CustomerService(own, clock, new RegionService(own));
                        SplittableRandom random = new SplittableRandom(seed * 31 + me);
                        for (int i = 0; i < share; i++) {
                            int which = random.nextInt(customerCount);
                            retries.addAndGet(increment(service, users.get(me), customers.get(which).id(), random));
                            saved[me][which]++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("A soak client failed", e);
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<String> problems = check(setup, users, customers, saved);
        int total = 0;
        for (int[] row : saved) {
            for (int n : row) {
                total += n;
            }
        }
        return new Result(label, clients, total, retries.get(), elapsed, problems);
    }

    /** Adds one to the customer's counter as a user at a desk would: read, change, save; again if refused. */
    private static long increment(CustomerService service, User user, UUID id, SplittableRandom random) {
        long refused = 0;
        while (true) {
            Customer c = service.open(user.asActor(), id).orElseThrow().customer();
            CustomerDraft d = c.toDraft();
            CustomerDraft next = new CustomerDraft(d.name(), d.creditCode(), Tier.values()[random.nextInt(4)],
                    d.industry(), d.regionCode(), COUNTER + (counter(c.address()) + 1), d.phone(), d.ownerId());
            try {
                service.update(user.asActor(), id, c.version(), next);
                return refused;
            } catch (StaleRecordException conflict) {
                refused++;
            }
        }
    }

    private static int counter(String address) {
        return Integer.parseInt(address.substring(COUNTER.length()));
    }

    /** Compares the database with the model; each difference is one line. */
    private List<String> check(Database setup, List<User> users, List<Customer> customers, int[][] saved) {
        List<String> problems = new ArrayList<>();
        CustomerService reader = new CustomerService(setup, clock, new RegionService(setup));
        for (int k = 0; k < customers.size(); k++) {
            Customer before = customers.get(k);
            int expected = 0;
            Map<UUID, Integer> expectedBy = new HashMap<>();
            for (int c = 0; c < saved.length; c++) {
                expected += saved[c][k];
                if (saved[c][k] > 0) {
                    expectedBy.put(users.get(c).id(), saved[c][k]);
                }
            }
            Customer after = reader.open(users.get(0).asActor(), before.id()).orElseThrow().customer();
            int counted = counter(after.address());
            if (counted != expected) {
                problems.add(before.name() + ": counter " + counted + ", saved increments " + expected);
            }
            if (after.version() != before.version() + expected) {
                problems.add(before.name() + ": version " + after.version() + ", expected "
                        + (before.version() + expected));
            }
            problems.addAll(checkLog(setup, before, expected, expectedBy));
        }
        return problems;
    }

    /** Every saved increment once in the change log (1, 2, … N, each once) and under the client that saved it. */
    private List<String> checkLog(Database setup, Customer customer, int expected, Map<UUID, Integer> expectedBy) {
        List<ChangeEntry> log = setup.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(customer.id()));
        List<String> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Map<UUID, Integer> by = new HashMap<>();
        for (ChangeEntry entry : log) {
            FieldChange address = entry.changes().get("address");
            if (entry.operation() != ChangeEntry.Operation.UPDATE || address == null) {
                continue;
            }
            int n = counter(address.newValue());
            if (!seen.add(n) || counter(address.oldValue()) != n - 1) {
                problems.add(customer.name() + ": change log has increment " + n + " twice or out of order");
            }
            by.merge(entry.changedBy(), 1, Integer::sum);
        }
        if (seen.size() != expected) {
            problems.add(customer.name() + ": " + seen.size() + " increments in the change log, saved " + expected);
        }
        if (!by.equals(expectedBy)) {
            problems.add(customer.name() + ": change log by client " + by + ", saved by client " + expectedBy);
        }
        return problems;
    }

    /** One administrator per client, so each sees every customer and the change log says whose save it was. */
    private List<User> users(Database setup, int clients) {
        List<User> users = new ArrayList<>();
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "lost-update soak " + run);
        setup.transaction(cfg -> {
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "失更测试 " + run, OrgUnit.Kind.COMPANY,
                    OrgUnit.rootPath(companyId), null);
            OrgUnitRepository.using(cfg, clock).insert(null, reason, company);
            UserRepository repository = UserRepository.using(cfg, clock);
            for (int i = 0; i < clients; i++) {
                User user = new User(Ids.newId(clock), "soak" + run + "c" + i, "客户端" + i, Role.ADMIN, companyId,
                        company.name(), company.path(), null);
                repository.insert(null, reason, user, null, null);
                users.add(user);
            }
        });
        return users;
    }

    private List<Customer> customers(Database setup, User owner, int count) {
        CustomerService service = new CustomerService(setup, clock, new RegionService(setup));
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(service.create(owner.asActor(), new CustomerDraft("失更测试客户" + run + "-" + i, null,
                    Tier.B, "HOSPITAL", "320508", COUNTER + 0, null, owner.id())));
        }
        return customers;
    }

    /** Soaks a fresh HSQLDB server on a free port, serving a workspace in {@code dataDir}. */
    public Result onHsqldbServer(Path dataDir, int clients, int updates, int customers, long seed) {
        try (DatabaseServer server = DatabaseServer.start(dataDir,
                new DatabaseServer.Options(freePort(), "soak", "soak-password", false));
             Database setup = Database.open(DatabaseConfig.server(server.url(), "soak", "soak-password"))) {
            return run("HSQLDB server", setup,
                    () -> Database.open(DatabaseConfig.server(server.url(), "soak", "soak-password")),
                    clients, updates, customers, seed);
        }
    }

    /** Soaks the PostgreSQL database at {@code url} (user and password as URL parameters). */
    public Result onPostgres(String url, int clients, int updates, int customers, long seed) {
        try (Database setup = Database.open(DatabaseConfig.server(url, null, null))) {
            return run("PostgreSQL", setup, () -> Database.open(DatabaseConfig.server(url, null, null)),
                    clients, updates, customers, seed);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String pg = args.length > 3 ? args[3] : System.getenv("SALESDESK_SOAK_PG_URL");
        LostUpdateSoak soak = new LostUpdateSoak();
        Path dir = Files.createTempDirectory("salesdesk-soak");
        List<Result> results = new ArrayList<>();
        results.add(soak.onHsqldbServer(dir, clients, updates, customers, 11));
        System.out.println(results.get(0).summary());
        if (pg != null && !pg.isBlank()) {
            results.add(soak.onPostgres(pg, clients, updates, customers, 11));
            System.out.println(results.get(1).summary());
        }
        if (results.stream().anyMatch(r -> !r.problems().isEmpty())) {
            System.exit(1);
        }
    }
}
