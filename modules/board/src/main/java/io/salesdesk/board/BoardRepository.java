package io.salesdesk.board;

import static io.salesdesk.db.jooq.Tables.BOARD;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.BoardRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Saved boards. A definition that cannot be read comes back as {@link #UNREADABLE}, so the service
 * can still open the board with defaults and say so.
 */
public final class BoardRepository {

    static final String ENTITY = "board";
    /** Stands in for a definition whose JSON cannot be read. */
    static final BoardDefinition UNREADABLE = new BoardDefinition("?", null, List.of(), null, List.of());

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private BoardRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static BoardRepository using(Configuration configuration, Clock clock) {
        return new BoardRepository(configuration, clock);
    }

    /** The live boards of a kind in picker order. */
    public List<Board> list(BoardKind kind) {
        return dsl.selectFrom(BOARD).where(BOARD.KIND.eq(kind.name()), BOARD.DELETED_AT.isNull())
                .orderBy(BOARD.SORT_ORDER, BOARD.NAME).fetch(BoardRepository::toBoard);
    }

    public Optional<Board> find(UUID id) {
        return dsl.selectFrom(BOARD).where(BOARD.ID.eq(id), BOARD.DELETED_AT.isNull())
                .fetchOptional(BoardRepository::toBoard);
    }

    public void insert(Actor actor, ChangeReason reason, Board board) {
        OffsetDateTime now = Rows.now(clock);
        BoardRecord r = dsl.newRecord(BOARD);
        r.setId(board.id());
        r.setKind(board.kind().name());
        r.setName(board.name());
        r.setSortOrder(board.order());
        r.setDefinition(BoardDefinitionJson.write(board.definition()));
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        changeLog.record(actor, reason, ENTITY, board.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), snapshot(r)));
    }

    /**
     * Saves a board's name and definition as changed on {@code expectedVersion}.
     *
     * @throws StaleRecordException if someone changed the board meanwhile
     */
    public Board update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, String name,
                        BoardDefinition definition) {
        BoardRecord current = dsl.selectFrom(BOARD).where(BOARD.ID.eq(id), BOARD.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, current == null ? null : toBoard(current));
        }
        BoardRecord changed = current.copy();
        changed.setName(name);
        changed.setDefinition(BoardDefinitionJson.write(definition));
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(current), snapshot(changed));
        if (changes.isEmpty()) {
            return toBoard(current);
        }
        dsl.update(BOARD).set(BOARD.NAME, name).set(BOARD.DEFINITION, changed.getDefinition())
                .set(BOARD.VERSION, expectedVersion + 1).set(BOARD.UPDATED_AT, Rows.now(clock))
                .set(BOARD.UPDATED_BY, Rows.userId(actor))
                .where(BOARD.ID.eq(id), BOARD.VERSION.eq(expectedVersion)).execute();
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return find(id).orElseThrow();
    }

    private static Board toBoard(BoardRecord r) {
        return new Board(r.getId(), BoardKind.valueOf(r.getKind()), r.getName(), r.getSortOrder(),
                BoardDefinitionJson.read(r.getDefinition()).orElse(UNREADABLE), r.getVersion());
    }

    private static Map<String, Object> snapshot(BoardRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.getKind());
        m.put("name", r.getName());
        m.put("order", r.getSortOrder());
        m.put("definition", r.getDefinition());
        return m;
    }
}
