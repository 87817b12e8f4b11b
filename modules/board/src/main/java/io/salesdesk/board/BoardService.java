package io.salesdesk.board;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Kanban boards: opens a saved board for a viewer (columns, totals from SQL, cards in rank order,
 * lanes) and moves cards through the item's own service, after checking the column's WIP limit.
 */
public final class BoardService {

    /** Key of the one column a manual board without columns gets. */
    static final String INBOX = "inbox";
    private static final String MANUAL_COLOUR = "#8C959F";

    private final Database db;
    private final Clock clock;
    private final Map<BoardKind, CardSource> sources = new EnumMap<>(BoardKind.class);
    private final CustomCardValues custom;
    private final CardExtrasLoader extras;

    /** Boards whose cards show only their items' own fields (no custom fields, no card facts from custom fields). */
    public BoardService(Database db, Clock clock, List<CardSource> sources) {
        this(db, clock, sources, null);
    }

    /**
     * @param custom the custom fields cards can show and columns can come from; null for none
     */
    public BoardService(Database db, Clock clock, List<CardSource> sources, CustomCardValues custom) {
        this.db = db;
        this.clock = clock;
        this.custom = custom;
        this.extras = new CardExtrasLoader(db, custom);
        sources.forEach(s -> this.sources.put(s.kind(), s));
    }

    /** The custom fields a kind's cards can show; the single-choice ones can be its columns. */
    public List<CustomCardField> customFields(BoardKind kind) {
        return extras.customFields(kind);
    }

    /** The saved boards of a kind, in picker order. */
    public List<Board> boards(BoardKind kind) {
        return db.transactionResult(cfg -> BoardRepository.using(cfg, clock).list(kind));
    }

    /**
     * The saved boards that use a custom field — as a card line, as their columns, or (for a contact
     * field) to mark the key contact — so that retiring the field can say which boards it touches.
     *
     * @param entity the field's entity ({@code CUSTOMER}, {@code CONTACT}, {@code OPPORTUNITY}, {@code TASK})
     * @param key    the field's key
     */
    public List<Board> usingCustomField(String entity, String key) {
        String definitionKey = CustomCardField.PREFIX + key;
        List<Board> using = new ArrayList<>();
        for (BoardKind kind : BoardKind.values()) {
            for (Board board : boards(kind)) {
                BoardDefinition def = board.definition();
                boolean own = entity.equals(kind.customEntity())
                        && (def.cardFields().contains(definitionKey) || definitionKey.equals(def.groupBy()));
                boolean ofCustomer = "CUSTOMER".equals(entity)
                        && def.cardFields().contains(CardExtraField.CUSTOMER_PREFIX + key);
                boolean marksContact = "CONTACT".equals(entity) && key.equals(def.facts().contactField())
                        && def.cardFields().contains(CardFact.KEY_CONTACT.key());
                if (own || ofCustomer || marksContact) {
                    using.add(board);
                }
            }
        }
        return using;
    }

    /** Every column a board can show, hidden or not, in order (for board settings). */
    public List<ColumnValue> columns(Board board) {
        if (board.definition().manual()) {
            return manualColumns(board.definition()).stream().map(BoardService::manualValue).toList();
        }
        return choiceField(board).map(ChoiceColumns::values).orElseGet(() -> source(board.kind()).columns());
    }

    /** The columns a single-choice custom field of a kind gives a board, for a designer's preview. */
    public List<ColumnValue> columns(BoardKind kind, String groupBy) {
        String key = CustomCardField.keyOf(groupBy);
        if (key == null) {
            return source(kind).columns();
        }
        return customFields(kind).stream().filter(f -> f.key().equals(key) && f.singleChoice()).findFirst()
                .map(ChoiceColumns::values).orElseGet(() -> source(kind).columns());
    }

    /** Whether the user may change boards: they are shared, so managers and company-wide roles. */
    public static boolean mayConfigure(Actor actor) {
        return actor.role() == Role.MANAGER || actor.role().seesEverything();
    }

    /**
     * Saves a new board of a kind at the end of the picker.
     *
     * @throws SalesDeskException if the user may not change boards
     */
    public Board create(Actor actor, BoardKind kind, String name, BoardDefinition definition) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> {
            BoardRepository boards = BoardRepository.using(cfg, clock);
            int order = boards.list(kind).stream().mapToInt(Board::order).max().orElse(0) + 1;
            Board board = new Board(Ids.newId(clock), kind, requireName(name), order, definition, 1);
            boards.insert(actor, ChangeReason.user(), board);
            return boards.find(board.id()).orElseThrow();
        });
    }

    /**
     * Saves a board's name and definition.
     *
     * @throws io.salesdesk.core.StaleRecordException if someone changed it meanwhile
     * @throws SalesDeskException                     if the user may not change boards
     */
    public Board update(Actor actor, UUID id, long expectedVersion, String name, BoardDefinition definition) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> BoardRepository.using(cfg, clock)
                .update(actor, ChangeReason.user(), id, expectedVersion, requireName(name), definition));
    }

    /**
     * Opens a board for the viewer: every visible column with its SQL totals and its cards in rank
     * order. Whatever the definition asks for that no longer exists is reported, not fatal.
     *
     * @param search text the cards must match (deal, customer or task title), or null
     */
    public BoardView open(Actor viewer, Board board, String search) {
        Optional<CustomCardField> choice = choiceField(board);
        BoardView view = board.definition().manual() ? openManual(viewer, board, search)
                : choice.isPresent() ? openByChoice(viewer, board, search, choice.get())
                : openByField(viewer, board, search);
        List<BoardProblem> problems = new ArrayList<>(view.problems());
        List<CardExtraField> extraFields = extras.fields(board.kind(), board.definition(), problems);
        List<Card> cards = view.columns().stream().flatMap(c -> c.cards().stream()).toList();
        CardSource source = source(board.kind());
        Map<UUID, CardExtras> loaded = extras.load(board.kind(), board.definition(), extraFields, cards,
                source::customerOf);
        Optional<CustomCardField> lane = customLane(board);
        if (lane.isEmpty() && CustomCardField.keyOf(board.definition().swimlane()) != null) {
            problems.add(new BoardProblem("board.problem.unknownField", board.definition().swimlane()));
        }
        List<BoardColumn> columns = lane.isEmpty() ? view.columns() : inLanes(view.columns(), cards, board, lane.get());
        return new BoardView(view.board(), view.groupBy(), view.swimlane(), view.cardFields(), columns,
                List.copyOf(problems), extraFields, loaded, lane.orElse(null));
    }

    /** The single-choice custom field a board's lanes come from, if its definition names one that exists. */
    private Optional<CustomCardField> customLane(Board board) {
        String key = CustomCardField.keyOf(board.definition().swimlane());
        if (key == null || custom == null) {
            return Optional.empty();
        }
        return customFields(board.kind()).stream().filter(f -> f.key().equals(key) && f.singleChoice()).findFirst();
    }

    /** The columns with each card in the lane of its value of the field, read for all cards in one query. */
    private List<BoardColumn> inLanes(List<BoardColumn> columns, List<Card> cards, Board board, CustomCardField field) {
        Map<UUID, Map<String, String>> values = custom.values(board.kind().customEntity(),
                cards.stream().map(Card::id).toList());
        List<BoardColumn> laned = new ArrayList<>();
        for (BoardColumn column : columns) {
            List<Card> placed = column.cards().stream().map(c -> new Card(c.id(), c.version(), c.column(), c.rank(),
                    values.getOrDefault(c.id(), Map.of()).getOrDefault(field.key(), ""), c.item())).toList();
            laned.add(new BoardColumn(column.value(), column.colour(), column.wipLimit(), column.count(),
                    column.amount(), placed));
        }
        return laned;
    }

    /** A board whose columns are a built-in field's values: totals in SQL, each column read by itself. */
    private BoardView openByField(Actor viewer, Board board, String search) {
        CardSource source = source(board.kind());
        List<BoardProblem> problems = new ArrayList<>();
        BoardDefinition def = board.definition();
        if (def == BoardRepository.UNREADABLE) {
            problems.add(new BoardProblem("board.problem.unreadable", ""));
        }
        BoardField groupBy = BoardField.of(board.kind(), def.groupBy()).filter(BoardField::groupable)
                .orElseGet(() -> {
                    if (def != BoardRepository.UNREADABLE) {
                        problems.add(new BoardProblem("board.problem.unknownField", def.groupBy()));
                    }
                    return BoardField.of(board.kind()).stream().filter(BoardField::groupable).findFirst().orElseThrow();
                });
        BoardField swimlane = swimlane(board, problems);
        List<BoardField> cardFields = cardFields(board, problems);
        List<ColumnValue> values = source.columns();
        for (ColumnSetting setting : def.columns()) {
            if (values.stream().noneMatch(v -> v.key().equals(setting.key()))) {
                problems.add(new BoardProblem("board.problem.unknownColumn", setting.key()));
            }
        }
        Map<String, ColumnTotal> totals = source.totals(viewer, def.filter(), search);
        List<BoardColumn> columns = new ArrayList<>();
        for (ColumnValue value : values) {
            Optional<ColumnSetting> setting = def.column(value.key());
            if (setting.map(ColumnSetting::hidden).orElse(false)) {
                continue;
            }
            ColumnTotal total = totals.getOrDefault(value.key(), ColumnTotal.EMPTY);
            String colour = setting.map(ColumnSetting::colour).filter(c -> !c.isBlank()).orElse(value.colour());
            Integer limit = setting.map(ColumnSetting::wipLimit).orElse(null);
            List<Card> cards = total.count() == 0 ? List.of()
                    : source.column(viewer, value.key(), def.filter(), search, swimlane);
            columns.add(new BoardColumn(value, colour, limit, total.count(), total.amount(), cards));
        }
        return new BoardView(board, groupBy, swimlane, List.copyOf(cardFields), List.copyOf(columns),
                List.copyOf(problems));
    }

    /**
     * Moves a card to a column between two cards ({@code above}, {@code below}; null at an end).
     * Entering another column past its WIP limit needs {@code overLimitConfirmed}.
     *
     * @param reason why, where the column needs one (won, lost, resolved)
     * @throws WipLimitExceededException              when the limit would be passed unconfirmed
     * @throws io.salesdesk.core.ValidationException  when the item's rules refuse, saying why
     * @throws io.salesdesk.core.StaleRecordException when the card changed or went away meanwhile
     */
    public Card move(Actor actor, Board board, Card card, String toColumn, String reason, UUID above, UUID below,
                     boolean overLimitConfirmed) {
        if (board.definition().manual()) {
            return moveManual(actor, board, card, toColumn, above, below, overLimitConfirmed);
        }
        Optional<CustomCardField> choice = choiceField(board);
        if (choice.isPresent()) {
            return moveByChoice(actor, board, card, toColumn, overLimitConfirmed, choice.get());
        }
        CardSource source = source(board.kind());
        BoardField swimlane = BoardField.of(board.kind(), board.definition().swimlane() == null ? ""
                : board.definition().swimlane()).orElse(null);
        if (!toColumn.equals(card.column()) && !overLimitConfirmed) {
            Integer limit = board.definition().column(toColumn).map(ColumnSetting::wipLimit).orElse(null);
            if (limit != null) {
                int count = source.totals(actor, board.definition().filter(), null)
                        .getOrDefault(toColumn, ColumnTotal.EMPTY).count();
                if (count >= limit) {
                    ColumnValue value = source.columns().stream().filter(v -> v.key().equals(toColumn)).findFirst()
                            .orElseThrow();
                    throw new WipLimitExceededException(value, limit, count);
                }
            }
        }
        return source.move(actor, card.id(), card.version(), toColumn, reason, above, below, swimlane);
    }

    /**
     * A board with manual columns: every item the filter admits, each in the column it was put in
     * on this board (items never placed wait at the bottom of the first column), in placement order.
     * Totals are counted over the loaded cards, as the columns are the board's own.
     */
    private BoardView openManual(Actor viewer, Board board, String search) {
        CardSource source = source(board.kind());
        BoardDefinition def = board.definition();
        List<BoardProblem> problems = new ArrayList<>();
        BoardField swimlane = swimlane(board, problems);
        List<BoardField> cardFields = cardFields(board, problems);
        List<ColumnSetting> defined = manualColumns(def);
        Map<UUID, CardPlacement> placements = db.transactionResult(cfg ->
                BoardCardRepository.using(cfg, clock).placements(board.id()));
        Map<String, List<Card>> byColumn = new LinkedHashMap<>();
        defined.forEach(c -> byColumn.put(c.key(), new ArrayList<>()));
        String first = defined.get(0).key();
        List<Card> unplaced = new ArrayList<>();
        for (ColumnValue value : source.columns()) {
            for (Card card : source.column(viewer, value.key(), def.filter(), search, swimlane)) {
                CardPlacement placement = placements.get(card.id());
                if (placement != null && byColumn.containsKey(placement.column())) {
                    byColumn.get(placement.column()).add(new Card(card.id(), placement.version(), placement.column(),
                            placement.rank(), card.swimlane(), card.item()));
                } else {
                    unplaced.add(new Card(card.id(), placement == null ? 0 : placement.version(), first, null,
                            card.swimlane(), card.item()));
                }
            }
        }
        byColumn.values().forEach(cards -> cards.sort(Comparator.comparing(Card::rank)));
        byColumn.get(first).addAll(unplaced);
        List<BoardColumn> columns = new ArrayList<>();
        for (ColumnSetting column : defined) {
            if (column.hidden()) {
                continue;
            }
            List<Card> cards = byColumn.get(column.key());
            BigDecimal amount = null;
            for (Card card : cards) {
                BigDecimal a = source.amount(card);
                if (a != null) {
                    amount = amount == null ? a : amount.add(a);
                }
            }
            if (amount == null && board.kind() == BoardKind.OPPORTUNITY) {
                amount = BigDecimal.ZERO;
            }
            columns.add(new BoardColumn(manualValue(column), manualValue(column).colour(), column.wipLimit(),
                    cards.size(), amount, List.copyOf(cards)));
        }
        return new BoardView(board, null, swimlane, List.copyOf(cardFields), List.copyOf(columns),
                List.copyOf(problems));
    }

    private Card moveManual(Actor actor, Board board, Card card, String toColumn, UUID above, UUID below,
                            boolean overLimitConfirmed) {
        CardSource source = source(board.kind());
        List<ColumnSetting> defined = manualColumns(board.definition());
        ColumnSetting target = defined.stream().filter(c -> c.key().equals(toColumn)).findFirst()
                .orElseThrow(() -> new SalesDeskException("board.problem.unknownColumn", toColumn));
        Card current = source.find(actor, card.id(), null)
                .orElseThrow(() -> new StaleRecordException(BoardCardRepository.ENTITY, card.id(), card.version(), null));
        CardPlacement placed = db.transactionResult(cfg -> {
            BoardCardRepository cards = BoardCardRepository.using(cfg, clock);
            Map<UUID, CardPlacement> placements = cards.placements(board.id());
            List<String> columnRanks = placements.values().stream().filter(p -> p.column().equals(toColumn))
                    .filter(p -> !p.itemId().equals(card.id())).map(CardPlacement::rank).sorted().toList();
            String from = Optional.ofNullable(placements.get(card.id())).map(CardPlacement::column)
                    .orElse(defined.get(0).key());
            if (!toColumn.equals(from) && !overLimitConfirmed && target.wipLimit() != null
                    && columnRanks.size() >= target.wipLimit()) {
                throw new WipLimitExceededException(manualValue(target), target.wipLimit(), columnRanks.size());
            }
            // A neighbour without a place of its own sits below every placed card of the column.
            String low = above == null ? null : Optional.ofNullable(placements.get(above))
                    .filter(p -> p.column().equals(toColumn)).map(CardPlacement::rank)
                    .orElse(columnRanks.isEmpty() ? null : columnRanks.get(columnRanks.size() - 1));
            String high = below == null ? null : Optional.ofNullable(placements.get(below))
                    .filter(p -> p.column().equals(toColumn)).map(CardPlacement::rank).orElse(null);
            String rank = BoardRank.betweenNeighbours(low, high);
            return cards.place(actor, ChangeReason.user(), board.id(), card.id(), toColumn, rank, card.version());
        });
        return new Card(card.id(), placed.version(), placed.column(), placed.rank(), current.swimlane(),
                current.item());
    }

    /** The manual columns of a board; a board saved without any gets one inbox column. */
    private static List<ColumnSetting> manualColumns(BoardDefinition def) {
        List<ColumnSetting> named = def.columns().stream().filter(c -> c.name() != null && !c.name().isBlank())
                .toList();
        return named.isEmpty() ? List.of(new ColumnSetting(INBOX, null, null, false, null)) : named;
    }

    private static ColumnValue manualValue(ColumnSetting column) {
        String colour = column.colour() == null || column.colour().isBlank() ? MANUAL_COLOUR : column.colour();
        if (column.name() == null) {
            return new ColumnValue(column.key(), "待整理", "Inbox", colour, false);
        }
        return new ColumnValue(column.key(), column.name(), column.name(), colour, false);
    }

    private static BoardField swimlane(Board board, List<BoardProblem> problems) {
        String key = board.definition().swimlane();
        if (key == null || key.isBlank()) {
            return null;
        }
        BoardField field = BoardField.of(board.kind(), key).filter(BoardField::swimlane).orElse(null);
        if (field == null && CustomCardField.keyOf(key) == null) {
            problems.add(new BoardProblem("board.problem.unknownField", key)); // a custom one is checked by open
        }
        return field;
    }

    private static List<BoardField> cardFields(Board board, List<BoardProblem> problems) {
        List<BoardField> fields = new ArrayList<>();
        for (String key : board.definition().cardFields()) {
            if (CustomCardField.keyOf(key) != null || CardExtraField.customerKeyOf(key) != null
                    || key.startsWith("fact.")) {
                continue; // an extra line, checked by CardExtrasLoader
            }
            BoardField.of(board.kind(), key).ifPresentOrElse(fields::add,
                    () -> problems.add(new BoardProblem("board.problem.unknownField", key)));
        }
        return fields;
    }

    /** The card as it is now, for a viewer who lost a race: where it really is, or empty if gone. */
    public Optional<Card> current(Actor viewer, Board board, UUID cardId) {
        BoardField swimlane = BoardField.of(board.kind(), board.definition().swimlane() == null ? ""
                : board.definition().swimlane()).orElse(null);
        Optional<Card> found = source(board.kind()).find(viewer, cardId, swimlane);
        Optional<CustomCardField> choice = choiceField(board);
        if (found.isEmpty() || choice.isEmpty()) {
            return found;
        }
        Card card = found.get();
        String value = custom.values(board.kind().customEntity(), List.of(cardId))
                .getOrDefault(cardId, Map.of()).get(choice.get().key());
        return Optional.of(new Card(card.id(), card.version(), ChoiceColumns.columnOf(value, choice.get()), card.rank(),
                card.swimlane(), card.item()));
    }

    /** The single-choice custom field a board's columns come from, if its definition names one that exists. */
    private Optional<CustomCardField> choiceField(Board board) {
        String key = board.definition().customGroupBy();
        if (key == null || custom == null) {
            return Optional.empty();
        }
        return customFields(board.kind()).stream().filter(f -> f.key().equals(key) && f.singleChoice()).findFirst();
    }

    /**
     * A board whose columns are a choice field's choices (and 未填写 for items without a value): every
     * item the filter admits, with its value read for all of them in one query. Totals are counted over
     * the loaded cards, as the columns are not the item's own.
     */
    private BoardView openByChoice(Actor viewer, Board board, String search, CustomCardField field) {
        BoardDefinition def = board.definition();
        List<BoardProblem> problems = new ArrayList<>();
        BoardField swimlane = swimlane(board, problems);
        List<BoardField> cardFields = cardFields(board, problems);
        List<ColumnValue> values = ChoiceColumns.values(field);
        for (ColumnSetting setting : def.columns()) {
            if (values.stream().noneMatch(v -> v.key().equals(setting.key()))) {
                problems.add(new BoardProblem("board.problem.unknownColumn", setting.key()));
            }
        }
        Map<String, List<Card>> byColumn = choiceCards(viewer, board, search, field, swimlane);
        CardSource source = source(board.kind());
        List<BoardColumn> columns = new ArrayList<>();
        for (ColumnValue value : values) {
            Optional<ColumnSetting> setting = def.column(value.key());
            if (setting.map(ColumnSetting::hidden).orElse(false)) {
                continue;
            }
            List<Card> cards = byColumn.getOrDefault(value.key(), List.of());
            BigDecimal amount = board.kind() == BoardKind.OPPORTUNITY ? BigDecimal.ZERO : null;
            for (Card card : cards) {
                BigDecimal a = source.amount(card);
                if (a != null) {
                    amount = amount == null ? a : amount.add(a);
                }
            }
            String colour = setting.map(ColumnSetting::colour).filter(c -> !c.isBlank()).orElse(value.colour());
            columns.add(new BoardColumn(value, colour, setting.map(ColumnSetting::wipLimit).orElse(null), cards.size(),
                    amount, List.copyOf(cards)));
        }
        // No built-in field: the columns are the custom field's, which the definition names.
        return new BoardView(board, null, swimlane, List.copyOf(cardFields), List.copyOf(columns),
                List.copyOf(problems));
    }

    /** Every card the board's filter admits, by the column its choice value puts it in. */
    private Map<String, List<Card>> choiceCards(Actor viewer, Board board, String search, CustomCardField field,
                                                BoardField swimlane) {
        CardSource source = source(board.kind());
        BoardFilter filter = board.definition().filter();
        Map<String, ColumnTotal> totals = source.totals(viewer, filter, search);
        List<Card> all = new ArrayList<>();
        for (ColumnValue value : source.columns()) {
            if (totals.getOrDefault(value.key(), ColumnTotal.EMPTY).count() > 0) {
                all.addAll(source.column(viewer, value.key(), filter, search, swimlane));
            }
        }
        Map<UUID, Map<String, String>> values = all.isEmpty() ? Map.of()
                : custom.values(board.kind().customEntity(), all.stream().map(Card::id).toList());
        Map<String, List<Card>> byColumn = new LinkedHashMap<>();
        for (Card card : all) {
            String column = ChoiceColumns.columnOf(values.getOrDefault(card.id(), Map.of()).get(field.key()), field);
            byColumn.computeIfAbsent(column, k -> new ArrayList<>()).add(new Card(card.id(), card.version(), column,
                    card.rank(), card.swimlane(), card.item()));
        }
        return byColumn;
    }

    /** Moves a card on a choice-field board: sets the field's value, through the field's own checks. */
    private Card moveByChoice(Actor actor, Board board, Card card, String toColumn, boolean overLimitConfirmed,
                              CustomCardField field) {
        ColumnValue target = ChoiceColumns.values(field).stream().filter(v -> v.key().equals(toColumn)).findFirst()
                .orElseThrow(() -> new SalesDeskException("board.problem.unknownColumn", toColumn));
        CardSource source = source(board.kind());
        BoardField swimlane = BoardField.of(board.kind(), board.definition().swimlane() == null ? ""
                : board.definition().swimlane()).orElse(null);
        Card now = current(actor, board, card.id())
                .orElseThrow(() -> new StaleRecordException(board.kind().name().toLowerCase(java.util.Locale.ROOT),
                        card.id(), card.version(), null));
        if (toColumn.equals(now.column())) {
            return now;
        }
        Integer limit = board.definition().column(toColumn).map(ColumnSetting::wipLimit).orElse(null);
        if (limit != null && !overLimitConfirmed) {
            int count = choiceCards(actor, board, null, field, swimlane).getOrDefault(toColumn, List.of()).size();
            if (count >= limit) {
                throw new WipLimitExceededException(target, limit, count);
            }
        }
        custom.set(actor, board.kind().customEntity(), card.id(), field.key(),
                ChoiceColumns.NONE.equals(toColumn) ? null : toColumn);
        return source.find(actor, card.id(), swimlane)
                .map(c -> new Card(c.id(), c.version(), toColumn, c.rank(), c.swimlane(), c.item()))
                .orElseThrow(() -> new StaleRecordException(board.kind().name().toLowerCase(java.util.Locale.ROOT),
                        card.id(), card.version(), null));
    }

    private CardSource source(BoardKind kind) {
        CardSource source = sources.get(kind);
        if (source == null) {
            throw new SalesDeskException("board.kindUnavailable", kind.name());
        }
        return source;
    }

    private static void requireConfigure(Actor actor) {
        if (!mayConfigure(actor)) {
            throw new SalesDeskException("board.notAllowed");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new SalesDeskException("board.name.required");
        }
        return name.strip();
    }
}
