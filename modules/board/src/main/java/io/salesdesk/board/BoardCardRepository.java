package io.salesdesk.board;

import static io.salesdesk.db.jooq.Tables.BOARD_CARD;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Where cards sit on boards with manual columns; one audited row per card and board. */
public final class BoardCardRepository {

    static final String ENTITY = "board_card";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private BoardCardRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static BoardCardRepository using(Configuration configuration, Clock clock) {
        return new BoardCardRepository(configuration, clock);
    }

    /** Every placement on a board, by item id. */
    public Map<UUID, CardPlacement> placements(UUID boardId) {
        Map<UUID, CardPlacement> placements = new HashMap<>();
        dsl.selectFrom(BOARD_CARD).where(BOARD_CARD.BOARD_ID.eq(boardId), BOARD_CARD.DELETED_AT.isNull())
                .forEach(r -> placements.put(r.getItemId(),
                        new CardPlacement(r.getItemId(), r.getColumnKey(), r.getBoardRank(), r.getVersion())));
        return placements;
    }

    /** The card's placement on a board, if it has one. */
    public Optional<CardPlacement> find(UUID boardId, UUID itemId) {
        return dsl.selectFrom(BOARD_CARD)
                .where(BOARD_CARD.BOARD_ID.eq(boardId), BOARD_CARD.ITEM_ID.eq(itemId), BOARD_CARD.DELETED_AT.isNull())
                .fetchOptional(r -> new CardPlacement(r.getItemId(), r.getColumnKey(), r.getBoardRank(), r.getVersion()));
    }

    /**
     * Puts a card in a column at a rank. {@code expectedVersion} 0 means the card had no place yet.
     *
     * @throws StaleRecordException if someone placed the card meanwhile
     */
    public CardPlacement place(Actor actor, ChangeReason reason, UUID boardId, UUID itemId, String column, String rank,
                               long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        Optional<CardPlacement> current = find(boardId, itemId);
        long currentVersion = current.map(CardPlacement::version).orElse(0L);
        if (currentVersion != expectedVersion) {
            throw new StaleRecordException(ENTITY, itemId, expectedVersion, current.orElse(null));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("boardId", boardId);
        after.put("itemId", itemId);
        after.put("column", column);
        after.put("boardRank", rank);
        if (current.isEmpty()) {
            UUID id = Ids.newId(clock);
            dsl.insertInto(BOARD_CARD)
                    .set(BOARD_CARD.ID, id).set(BOARD_CARD.BOARD_ID, boardId).set(BOARD_CARD.ITEM_ID, itemId)
                    .set(BOARD_CARD.COLUMN_KEY, column).set(BOARD_CARD.BOARD_RANK, rank).set(BOARD_CARD.VERSION, 1L)
                    .set(BOARD_CARD.CREATED_AT, now).set(BOARD_CARD.CREATED_BY, Rows.userId(actor))
                    .set(BOARD_CARD.UPDATED_AT, now).set(BOARD_CARD.UPDATED_BY, Rows.userId(actor))
                    .execute();
            changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
            return new CardPlacement(itemId, column, rank, 1L);
        }
        UUID id = dsl.select(BOARD_CARD.ID).from(BOARD_CARD)
                .where(BOARD_CARD.BOARD_ID.eq(boardId), BOARD_CARD.ITEM_ID.eq(itemId)).fetchSingle(BOARD_CARD.ID);
        int updated = dsl.update(BOARD_CARD)
                .set(BOARD_CARD.COLUMN_KEY, column).set(BOARD_CARD.BOARD_RANK, rank)
                .set(BOARD_CARD.VERSION, expectedVersion + 1)
                .set(BOARD_CARD.UPDATED_AT, now).set(BOARD_CARD.UPDATED_BY, Rows.userId(actor))
                .where(BOARD_CARD.ID.eq(id), BOARD_CARD.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, itemId, expectedVersion, find(boardId, itemId).orElse(null));
        }
        Map<String, Object> before = new LinkedHashMap<>(after);
        before.put("column", current.get().column());
        before.put("boardRank", current.get().rank());
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, FieldChange.diff(before, after));
        return new CardPlacement(itemId, column, rank, expectedVersion + 1);
    }
}
