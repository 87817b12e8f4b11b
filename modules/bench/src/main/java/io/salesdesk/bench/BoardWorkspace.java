package io.salesdesk.bench;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardService;
import io.salesdesk.board.OpportunityCards;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace the board benchmarks run on: the demo organisation (no demo customers) plus
 * exactly {@value #DEALS} opportunities over the eight stages, every one owned by a Shanghai rep,
 * so the Shanghai regional manager ({@value DemoWorkspace#DEFAULT_USER}, the user the app starts
 * as) sees all of them on the default pipeline board. Made once in a data folder and reused.
 */
public final class BoardWorkspace implements AutoCloseable {

    /** Opportunities in the workspace, all in the Shanghai region. */
    public static final int DEALS = 5_000;
    /** The default pipeline board. */
    static final String PIPELINE = "销售漏斗";

    private static final Logger LOG = LoggerFactory.getLogger(BoardWorkspace.class);
    private static final long SEED = 20260101L;
    private static final String SHANGHAI = "310000";

    final Database db;
    final BoardService boards;
    final Board pipeline;
    final User admin;
    final User manager;

    private BoardWorkspace(Database db, BoardService boards, Board pipeline, User admin, User manager) {
        this.db = db;
        this.boards = boards;
        this.pipeline = pipeline;
        this.admin = admin;
        this.manager = manager;
    }

    /** Opens (creating on first use) the workspace in {@code salesdesk.bench.boardDir} (default {@code target/bench-board}). */
    public static BoardWorkspace open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.boardDir", "target/bench-board"));
        Clock clock = Clock.systemUTC();
        Database db = Database.open(DatabaseConfig.embedded(dir));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        UserService users = new UserService(db, clock);
        OpportunityService opportunities = new OpportunityService(db, clock);
        if (demo.isEmpty()) {
            LOG.warn("Creating the {}-opportunity board benchmark workspace in {} (once)", DEALS, dir.toAbsolutePath());
            demo.create(SEED, 0);
            List<User> reps = users.all().stream().filter(u -> u.username().startsWith("rep.sh")).toList();
            new PipelineDeals(db, clock, SEED).create(users.byUsername("admin").orElseThrow().asActor(), reps,
                    SHANGHAI, DEALS, opportunities.stages());
        }
        BoardService boards = new BoardService(db, clock,
                List.of(new OpportunityCards(opportunities, new RegionService(db))));
        Board pipeline = boards.boards(BoardKind.OPPORTUNITY).stream().filter(b -> b.name().equals(PIPELINE))
                .findFirst().orElseThrow(() -> new IllegalStateException("no board named " + PIPELINE));
        return new BoardWorkspace(db, boards, pipeline, users.byUsername("admin").orElseThrow(),
                users.byUsername(DemoWorkspace.DEFAULT_USER).orElseThrow());
    }

    @Override
    public void close() {
        db.close();
    }
}
