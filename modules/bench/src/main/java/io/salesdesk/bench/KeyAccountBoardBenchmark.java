package io.salesdesk.bench;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardService;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.CustomerCards;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.studio.board.DemoKeyAccountBoard;
import io.salesdesk.studio.board.KeyAccountBoardExample;
import io.salesdesk.studio.field.BoardCustomValues;
import io.salesdesk.studio.field.CustomFieldService;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The goal's 大客户专项攻坚看板 on a demo workspace of {@value #CUSTOMERS} customers (about a tenth of
 * them tier A, each with contacts and a history of follow-ups): opening the board with every card's
 * competitors, technical contact and last three meeting or visit notes, against the same board
 * whose cards show only their owner — what the bulk card facts add. The viewer is the administrator,
 * who sees every key account. Made once in {@code salesdesk.bench.keyAccountDir}
 * (default {@code target/bench-key-accounts}) and reused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class KeyAccountBoardBenchmark {

    static final int CUSTOMERS = 3_000;
    private static final long SEED = 20260101L;

    private Database db;
    private BoardService boards;
    private Actor admin;
    private Board keyAccounts;
    private Board ownerOnly;

    @Setup(Level.Trial)
    public void open() {
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(Paths.get(System.getProperty("salesdesk.bench.keyAccountDir",
                "target/bench-key-accounts"))));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (demo.isEmpty()) {
            demo.create(SEED, CUSTOMERS);
            new DemoKeyAccountBoard(db, clock).create(SEED);
        }
        RegionService regions = new RegionService(db);
        boards = new BoardService(db, clock, List.of(new CustomerCards(new CustomerService(db, clock, regions), regions)),
                new BoardCustomValues(new CustomFieldService(db, clock)));
        admin = new UserService(db, clock).byUsername("admin").orElseThrow().asActor();
        keyAccounts = boards.boards(BoardKind.CUSTOMER).stream()
                .filter(b -> b.name().equals(KeyAccountBoardExample.NAME)).findFirst().orElseThrow();
        BoardDefinition plain = keyAccounts.definition();
        ownerOnly = new Board(keyAccounts.id(), BoardKind.CUSTOMER, "owner only", 0, new BoardDefinition(plain.groupBy(),
                null, List.of("owner"), plain.filter(), plain.columns()), keyAccounts.version());
        BoardView view = boards.open(admin, keyAccounts, null);
        int cards = view.columns().stream().mapToInt(c -> c.cards().size()).sum();
        long withNotes = view.columns().stream().flatMap(c -> c.cards().stream())
                .filter(c -> !view.extras(c).notes().isEmpty()).count();
        System.out.printf("%n%s: %d columns, %d key-account cards, %d with notes, %d problems%n",
                keyAccounts.name(), view.columns().size(), cards, withNotes, view.problems().size());
        if (cards < 200 || !view.problems().isEmpty()) {
            throw new IllegalStateException("The key-account board shows " + cards + " cards and " + view.problems()
                    + "; delete the data folder (salesdesk.bench.keyAccountDir) to recreate it");
        }
    }

    /** The board as the director opens it: columns by 攻坚阶段, competitors, technical contact, last three notes. */
    @Benchmark
    public BoardView openWithCardFacts() {
        return boards.open(admin, keyAccounts, null);
    }

    /** The same customers and columns, cards showing only their owner: the cost of the facts is the difference. */
    @Benchmark
    public BoardView openOwnerOnly() {
        return boards.open(admin, ownerOnly, null);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
