package io.salesdesk.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Configuration;

/**
 * Opportunities and their stages: what the pipeline board, the form and the customer pane ask
 * for. The board and the form change a stage through the same {@link #update} rules, so 报价
 * needs an amount however the deal gets there. Each call is one transaction.
 */
public final class OpportunityService {

    /** Most cards a board column loads; the column header still counts them all. */
    public static final int COLUMN_LIMIT = 2000;

    private final Database db;
    private final Clock clock;
    private volatile List<OpportunityStage> stages;

    public OpportunityService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stages in funnel order (read once; they change only with the schema or the studio). */
    public List<OpportunityStage> stages() {
        List<OpportunityStage> known = stages;
        if (known == null) {
            known = db.transactionResult(cfg -> OpportunityRepository.using(cfg, clock).stages());
            stages = known;
        }
        return known;
    }

    /**
     * The stage with this code.
     *
     * @throws SalesDeskException if there is none
     */
    public OpportunityStage stage(String code) {
        return stages().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new SalesDeskException("opportunity.stage.unknown", code));
    }

    /** The deal if the viewer may see it. */
    public Optional<Opportunity> find(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> repository(cfg).find(viewer, id));
    }

    /** Every recorded change of the deal (stage moves, edits), oldest first, if the viewer may see it. */
    public List<ChangeEntry> history(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> repository(cfg).find(viewer, id).isEmpty() ? List.<ChangeEntry>of()
                : ChangeLog.using(cfg, clock).forEntity(id));
    }

    /** The customer's deals the viewer may see, newest first. */
    public List<Opportunity> forCustomer(Actor viewer, UUID customerId) {
        return db.transactionResult(cfg -> repository(cfg).forCustomer(viewer, customerId));
    }

    /** One board column, in rank order, at most {@link #COLUMN_LIMIT} cards. */
    public List<Opportunity> column(Actor viewer, String stage, OpportunityFilter filter) {
        return db.transactionResult(cfg -> repository(cfg).column(viewer, stage, filter, COLUMN_LIMIT));
    }

    /** Count and Σ amount per stage code; stages without deals are absent. */
    public Map<String, StageTotal> totals(Actor viewer, OpportunityFilter filter) {
        return db.transactionResult(cfg -> repository(cfg).totals(viewer, filter));
    }

    /**
     * Creates a deal at the top of its stage's column. The stage defaults to the first one, the
     * owner to the customer's owner (or the user when the customer is in the pool), the
     * probability to the stage's.
     *
     * @throws ValidationException listing each refused field, including stage rules
     */
    public Opportunity create(Actor actor, OpportunityDraft draft) {
        OpportunityStage stage = draft.stage() == null ? stages().get(0) : stage(draft.stage());
        return db.transactionResult(cfg -> {
            OpportunityRepository opportunities = repository(cfg);
            UUID ownerId = draft.ownerId();
            if (ownerId == null && draft.customerId() != null) {
                ownerId = CustomerRepository.using(cfg, clock, code -> code).findAny(draft.customerId())
                        .map(Customer::ownerId).orElse(null);
            }
            OpportunityDraft valid = check(actor, cfg, withStageAndOwner(draft, stage.code(),
                    ownerId == null ? actor.userId() : ownerId), stage);
            int probability = valid.probability() == null ? stage.probability() : valid.probability();
            String rank = opportunities.edgeRank(stage.code(), true).map(top -> BoardRank.between(null, top))
                    .orElse(BoardRank.first());
            UUID id = Ids.newId(clock);
            opportunities.insertAll(actor, ChangeReason.user(),
                    List.of(new OpportunityRepository.NewOpportunity(id, valid, probability, rank, null)));
            return opportunities.findAny(id).orElseThrow();
        });
    }

    /**
     * Saves an edit made on {@code expectedVersion}, from the form. A changed stage must pass its
     * rules; the deal then goes to the top of its new column and, unless the user set one, takes
     * the stage's probability.
     *
     * @throws ValidationException  listing each refused field, including stage rules
     * @throws StaleRecordException if someone changed the deal meanwhile
     */
    public Opportunity update(Actor actor, UUID id, long expectedVersion, OpportunityDraft draft) {
        OpportunityStage stage = stage(draft.stage());
        return db.transactionResult(cfg -> {
            OpportunityRepository opportunities = repository(cfg);
            Opportunity current = visible(actor, opportunities, id, expectedVersion);
            OpportunityDraft valid = check(actor, cfg, draft, stage);
            boolean stageChanged = !current.stage().equals(stage.code());
            int probability = valid.probability() == null
                    || (stageChanged && valid.probability() == current.probability())
                    ? stage.probability() : valid.probability();
            String rank = stageChanged ? rankAt(actor, opportunities, stage.code(), null, null, id) : current.rank();
            return opportunities.update(actor, ChangeReason.user(), id, expectedVersion, valid, probability,
                    stage.closes(), rank);
        });
    }

    /**
     * Moves a deal on the board: to another stage (through the stage rules, taking the stage's
     * probability) or within its column, between the cards {@code above} and {@code below}
     * (either may be null at an end of the column).
     *
     * @param closeReason why it was won or lost, when the stage closes the deal
     * @throws ValidationException  when the stage rules refuse, saying why; nothing changes
     * @throws StaleRecordException if someone moved or changed the deal meanwhile
     */
    public Opportunity move(Actor actor, UUID id, long expectedVersion, String stageCode, String closeReason,
                            UUID above, UUID below) {
        OpportunityStage stage = stage(stageCode);
        return db.transactionResult(cfg -> {
            OpportunityRepository opportunities = repository(cfg);
            Opportunity current = visible(actor, opportunities, id, expectedVersion);
            boolean stageChanged = !current.stage().equals(stage.code());
            OpportunityDraft moved = new OpportunityDraft(current.customerId(), current.name(), current.ownerId(),
                    stage.code(), current.amount(), current.expectedCloseOn(), current.probability(),
                    current.products(), stage.closes() ? (closeReason != null ? closeReason : current.closeReason())
                    : null);
            if (stageChanged) {
                List<FieldProblem> problems = OpportunityRules.stageProblems(moved, stage);
                if (!problems.isEmpty()) {
                    throw new ValidationException(problems);
                }
            }
            String rank = rankAt(actor, opportunities, stage.code(), above, below, id);
            return opportunities.update(actor, ChangeReason.user(), id, expectedVersion, moved,
                    stageChanged ? stage.probability() : current.probability(), stage.closes(), rank);
        });
    }

    /**
     * Deletes a deal.
     *
     * @throws StaleRecordException if someone changed it meanwhile
     */
    public void delete(Actor actor, UUID id, long expectedVersion) {
        db.transaction(cfg -> {
            OpportunityRepository opportunities = repository(cfg);
            visible(actor, opportunities, id, expectedVersion);
            opportunities.delete(actor, ChangeReason.user(), id, expectedVersion);
        });
    }

    /**
     * A rank between two neighbours read fresh from the database. A neighbour that went away or
     * no longer sorts where the user saw it is ignored; a column too crowded to fit the card is
     * spread out first (rare: hundreds of drops at one spot).
     */
    private String rankAt(Actor actor, OpportunityRepository opportunities, String stage, UUID above, UUID below,
                          UUID moving) {
        Map<UUID, String> ranks = opportunities.ranks(Stream.of(above, below).filter(Objects::nonNull).toList());
        String low = above == null || above.equals(moving) ? null : ranks.get(above);
        String high = below == null || below.equals(moving) ? null : ranks.get(below);
        if (low == null && high == null && above == null && below == null) {
            high = opportunities.edgeRank(stage, true).orElse(null);
        }
        try {
            String rank = BoardRank.betweenNeighbours(low, high);
            if (!BoardRank.tooLong(rank)) {
                return rank;
            }
        } catch (IllegalStateException crowded) {
            // fall through: spread the column and try again
        }
        spread(actor, opportunities, stage, moving);
        Map<UUID, String> fresh = opportunities.ranks(Stream.of(above, below).filter(Objects::nonNull).toList());
        return BoardRank.betweenNeighbours(above == null ? null : fresh.get(above),
                below == null ? null : fresh.get(below));
    }

    private void spread(Actor actor, OpportunityRepository opportunities, String stage, UUID moving) {
        List<UUID> ids = new ArrayList<>(opportunities.idsInRankOrder(stage));
        ids.remove(moving);
        List<String> ranks = BoardRank.spread(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Opportunity card = opportunities.findAny(ids.get(i)).orElseThrow();
            opportunities.update(actor, ChangeReason.of(ChangeReason.Kind.SYSTEM, "board ranks spread"), card.id(),
                    card.version(), card.toDraft(), card.probability(), stage(card.stage()).closes(), ranks.get(i));
        }
    }

    private Opportunity visible(Actor actor, OpportunityRepository opportunities, UUID id, long expectedVersion) {
        return opportunities.find(actor, id).orElseThrow(() -> opportunities.findAny(id).isPresent()
                ? new SalesDeskException("opportunity.notVisible")
                : new StaleRecordException(OpportunityRepository.ENTITY, id, expectedVersion, null));
    }

    private OpportunityDraft check(Actor actor, Configuration cfg, OpportunityDraft draft, OpportunityStage stage) {
        List<FieldProblem> problems = new ArrayList<>(OpportunityRules.problems(draft, stage));
        if (draft.customerId() != null && !CustomerRepository.using(cfg, clock, code -> code)
                .isVisible(actor, draft.customerId())) {
            problems.add(FieldProblem.of("customerId", "opportunity.customer.notVisible"));
        }
        if (draft.ownerId() != null && UserRepository.using(cfg, clock).visibleTo(actor).stream()
                .noneMatch(u -> u.id().equals(draft.ownerId()))) {
            problems.add(FieldProblem.of("ownerId", "opportunity.owner.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new OpportunityDraft(draft.customerId(), draft.name().strip(), draft.ownerId(), stage.code(),
                draft.amount(), draft.expectedCloseOn(), draft.probability(), draft.products(),
                stage.closes() ? draft.closeReason() : null);
    }

    private static OpportunityDraft withStageAndOwner(OpportunityDraft d, String stage, UUID ownerId) {
        return new OpportunityDraft(d.customerId(), d.name(), ownerId, stage, d.amount(), d.expectedCloseOn(),
                d.probability(), d.products(), d.closeReason());
    }

    private OpportunityRepository repository(Configuration cfg) {
        return OpportunityRepository.using(cfg, clock);
    }
}
