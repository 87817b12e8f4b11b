package io.salesdesk.studio.board;

import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's 大客户专项攻坚看板, made with the designer's example: the demo's tier-A customers get a
 * 攻坚阶段 (most early, a few near signing; some not yet set) and the competitors met there.
 */
public final class DemoKeyAccountBoard {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKeyAccountBoard.class);
    /** Of every ten key accounts, how many stand at each stage; the rest have none yet. */
    private static final int[] STAGE_WEIGHTS = {3, 2, 2, 1, 1};

    private final Database db;
    private final Clock clock;

    public DemoKeyAccountBoard(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds the fields, the key accounts' values and the board; returns how many customers got a stage. */
    public int create(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        Actor admin = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.ADMIN).findFirst()
                .orElseThrow().asActor();
        CustomFieldService fields = new CustomFieldService(db, clock);
        var definition = new KeyAccountBoardExample(fields).prepare(admin);
        CustomerService customers = new CustomerService(db, clock, new RegionService(db));
        List<Customer> keyAccounts = new ArrayList<>();
        customers.forEach(admin, CustomerQuery.all().withTier(Tier.A), keyAccounts::add);
        int staged = 0;
        for (Customer customer : keyAccounts) {
            Map<String, String> values = new HashMap<>();
            int pick = random.nextInt(10);
            for (int stage = 0, upTo = 0; stage < STAGE_WEIGHTS.length; stage++) {
                upTo += STAGE_WEIGHTS[stage];
                if (pick < upTo) {
                    values.put(KeyAccountBoardExample.STAGE_KEY, KeyAccountBoardExample.STAGES.get(stage));
                    staged++;
                    break;
                }
            }
            List<String> met = new ArrayList<>();
            for (String competitor : KeyAccountBoardExample.COMPETITORS) {
                if (random.nextInt(4) == 0) {
                    met.add(competitor);
                }
            }
            if (!met.isEmpty()) {
                values.put(KeyAccountBoardExample.COMPETITOR_KEY, String.join("\n", met));
            }
            if (!values.isEmpty()) {
                fields.setValues(admin, CustomEntity.CUSTOMER, customer.id(), values);
            }
        }
        new BoardService(db, clock, List.of()).create(admin, BoardKind.CUSTOMER, KeyAccountBoardExample.NAME,
                definition);
        LOG.info("Demo key-account board: {} tier-A customers, {} with a stage", keyAccounts.size(), staged);
        return staged;
    }
}
