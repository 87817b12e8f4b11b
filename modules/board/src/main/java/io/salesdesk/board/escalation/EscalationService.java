package io.salesdesk.board.escalation;

import io.salesdesk.board.CardRanks;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Escalations (督办): rules in other modules raise them, supervisors work them on their board.
 * Each call is one transaction. A card is visible to whoever sees its owner's records; only a
 * manager or a company-wide role may act on it.
 */
public final class EscalationService {

    static final int KIND_MAX = 40;
    static final int LABEL_MAX = 200;
    static final int REASON_MAX = 1000;
    static final int NOTE_MAX = 1000;

    private final Database db;
    private final Clock clock;

    public EscalationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Raises an escalation on behalf of the system (the audit trail records no user and the rule
     * {@code kind} as the reason). Raising is idempotent: while an escalation of the same kind
     * about the same subject is open or acknowledged, that one is returned unchanged, so a rule
     * may raise on every run. A new card goes to the top of the OPEN column.
     *
     * @param kind    the rule, e.g. {@code followUpOverdue}; at most 40 characters
     * @param subject what it is about; a label longer than 200 characters is shortened
     * @param ownerId the person who should have acted
     * @param reason  what went wrong; longer than 1000 characters is shortened
     * @param due     by when a supervisor should act, may be null
     */
    public Escalation raise(String kind, EscalationSubject subject, UUID ownerId, String reason, OffsetDateTime due) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(ownerId, "ownerId");
        String validKind = Rows.blankToNull(kind);
        if (validKind == null || validKind.length() > KIND_MAX) {
            throw new IllegalArgumentException("escalation kind must be 1 to " + KIND_MAX + " characters: " + kind);
        }
        String validReason = Rows.blankToNull(reason);
        if (validReason == null) {
            throw new IllegalArgumentException("an escalation needs a reason");
        }
        String label = Objects.requireNonNullElse(Rows.blankToNull(subject.label()), subject.id().toString());
        EscalationSubject validSubject = new EscalationSubject(subject.entity(), subject.id(), shorten(label, LABEL_MAX));
        return db.transactionResult(cfg -> {
            EscalationRepository escalations = escalations(cfg);
            escalations.lockOwner(ownerId);
            Optional<Escalation> active = escalations.findActive(validKind, validSubject.entity(), validSubject.id());
            if (active.isPresent()) {
                return active.get();
            }
            String rank = BoardRank.between(null, escalations.topRank(EscalationStatus.OPEN));
            EscalationFields fields = new EscalationFields(ownerId, EscalationStatus.OPEN, null, null, null, null,
                    null, rank);
            return escalations.insert(null, ChangeReason.of(ChangeReason.Kind.RULE, validKind), Ids.newId(clock),
                    new EscalationRepository.Raised(validKind, validSubject, shorten(validReason, REASON_MAX), due,
                            fields));
        });
    }

    /**
     * A supervisor takes the escalation on: it moves to the top of ACKNOWLEDGED with who and when.
     * Acknowledging an acknowledged card changes nothing.
     *
     * @throws SalesDeskException   {@code escalation.notAllowed} for a rep, {@code escalation.notFound}
     *                              if the actor may not see it, {@code escalation.alreadyResolved}
     * @throws StaleRecordException if it changed or was deleted since {@code expectedVersion}
     */
    public Escalation acknowledge(Actor actor, UUID id, long expectedVersion) {
        requireSupervisor(actor);
        return db.transactionResult(cfg -> {
            EscalationRepository escalations = escalations(cfg);
            Escalation current = current(actor, escalations, id, expectedVersion);
            refuseResolved(current);
            if (current.status() == EscalationStatus.ACKNOWLEDGED) {
                return current;
            }
            return escalations.update(actor, ChangeReason.user(), id, expectedVersion,
                    EscalationFields.of(current).movedTo(EscalationStatus.ACKNOWLEDGED,
                            top(escalations, EscalationStatus.ACKNOWLEDGED), actor.userId(), Rows.now(clock), null));
        });
    }

    /**
     * Hands the escalation to another person in the actor's part of the org tree.
     *
     * @throws SalesDeskException   as {@link #acknowledge}
     * @throws ValidationException  if the actor may not see the new owner
     * @throws StaleRecordException if it changed or was deleted since {@code expectedVersion}
     */
    public Escalation reassign(Actor actor, UUID id, long expectedVersion, UUID newOwnerId) {
        requireSupervisor(actor);
        Objects.requireNonNull(newOwnerId, "newOwnerId");
        return db.transactionResult(cfg -> {
            EscalationRepository escalations = escalations(cfg);
            Escalation current = current(actor, escalations, id, expectedVersion);
            refuseResolved(current);
            boolean assignable = UserRepository.using(cfg, clock).visibleTo(actor).stream()
                    .anyMatch(u -> u.id().equals(newOwnerId));
            if (!assignable) {
                throw new ValidationException(List.of(FieldProblem.of("ownerId", "escalation.owner.notAllowed")));
            }
            return escalations.update(actor, ChangeReason.user(), id, expectedVersion,
                    EscalationFields.of(current).withOwner(newOwnerId));
        });
    }

    /**
     * Closes the escalation with a note of what was done; it moves to the top of RESOLVED.
     * Resolving a resolved card changes nothing.
     *
     * @throws ValidationException  if the note is blank or too long
     * @throws SalesDeskException   {@code escalation.notAllowed} for a rep, {@code escalation.notFound}
     *                              if the actor may not see it
     * @throws StaleRecordException if it changed or was deleted since {@code expectedVersion}
     */
    public Escalation resolve(Actor actor, UUID id, long expectedVersion, String note) {
        requireSupervisor(actor);
        String validNote = requireNote(note);
        return db.transactionResult(cfg -> {
            EscalationRepository escalations = escalations(cfg);
            Escalation current = current(actor, escalations, id, expectedVersion);
            if (current.status() == EscalationStatus.RESOLVED) {
                return current;
            }
            return escalations.update(actor, ChangeReason.user(), id, expectedVersion,
                    EscalationFields.of(current).movedTo(EscalationStatus.RESOLVED,
                            top(escalations, EscalationStatus.RESOLVED), actor.userId(), Rows.now(clock), validNote));
        });
    }

    /**
     * Resolves, on behalf of the system, the live escalation of a kind about a subject once the
     * rule that raised it sees the cause gone (a stuck approval was decided): the card moves to
     * RESOLVED with the note, and the audit trail names the rule. Nothing happens when there is none.
     */
    public Optional<Escalation> resolveBySystem(String kind, String subjectEntity, UUID subjectId, String note) {
        String validNote = requireNote(note);
        return db.transactionResult(cfg -> {
            EscalationRepository escalations = escalations(cfg);
            Optional<Escalation> active = escalations.findActive(kind, subjectEntity, subjectId);
            if (active.isEmpty()) {
                return Optional.<Escalation>empty();
            }
            Escalation current = active.get();
            return Optional.of(escalations.update(null, ChangeReason.of(ChangeReason.Kind.RULE, kind), current.id(),
                    current.version(), EscalationFields.of(current).movedTo(EscalationStatus.RESOLVED,
                            top(escalations, EscalationStatus.RESOLVED), null, Rows.now(clock), validNote)));
        });
    }

    /** The subjects of the live escalations of a kind (what a rule checks to resolve its own cards). */
    public List<UUID> activeSubjects(String kind, int limit) {
        return db.transactionResult(cfg -> escalations(cfg).activeSubjects(kind, limit));
    }

    /**
     * Moves a card on the board. Into ACKNOWLEDGED stamps the acknowledgement; into RESOLVED needs
     * a note; back to OPEN keeps the acknowledgement on record; out of RESOLVED clears the
     * resolution.
     *
     * @param note the resolution note, required when the card moves into RESOLVED, else ignored
     * @param rank the new rank ({@link BoardRank#between} of the new neighbours), or null for the
     *             top of the column
     * @throws ValidationException  if the card moves into RESOLVED without a note
     * @throws SalesDeskException   as {@link #acknowledge}, or {@code escalation.rank.invalid}
     * @throws StaleRecordException if it changed or was deleted since {@code expectedVersion}
     */
    public Escalation move(Actor actor, UUID id, long expectedVersion, EscalationStatus status, String note,
                           String rank) {
        requireSupervisor(actor);
        Objects.requireNonNull(status, "status");
        if (rank != null) {
            CardRanks.require(rank, "escalation.rank.invalid");
        }
        return db.transactionResult(cfg -> {
            EscalationRepository escalations = escalations(cfg);
            Escalation current = current(actor, escalations, id, expectedVersion);
            boolean resolving = status == EscalationStatus.RESOLVED && current.status() != EscalationStatus.RESOLVED;
            String validNote = resolving ? requireNote(note) : null;
            String newRank = rank != null ? rank : top(escalations, status);
            return escalations.update(actor, ChangeReason.user(), id, expectedVersion,
                    EscalationFields.of(current).movedTo(status, newRank, actor.userId(), Rows.now(clock), validNote));
        });
    }

    /** One column of the board in rank order, at most {@code limit} cards. */
    public List<Escalation> column(Actor viewer, EscalationStatus status, int limit) {
        return db.transactionResult(cfg -> escalations(cfg).column(viewer, status, limit));
    }

    /** How many cards each column holds for the viewer, every status present (one query). */
    public Map<EscalationStatus, Integer> counts(Actor viewer) {
        return db.transactionResult(cfg -> escalations(cfg).counts(viewer));
    }

    /** The escalation if it is live and the viewer may see it. */
    public Optional<Escalation> open(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> escalations(cfg).find(viewer, id));
    }

    private EscalationRepository escalations(Configuration cfg) {
        return EscalationRepository.using(cfg, clock);
    }

    private static String top(EscalationRepository escalations, EscalationStatus status) {
        return BoardRank.between(null, escalations.topRank(status));
    }

    private static void requireSupervisor(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("escalation.notAllowed");
        }
    }

    private static Escalation current(Actor actor, EscalationRepository escalations, UUID id, long expectedVersion) {
        if (!escalations.isVisible(actor, id)) {
            throw new SalesDeskException("escalation.notFound", id);
        }
        Escalation current = escalations.findAny(id).orElseThrow(
                () -> new StaleRecordException(EscalationRepository.ENTITY, id, expectedVersion, null));
        if (current.version() != expectedVersion) {
            throw new StaleRecordException(EscalationRepository.ENTITY, id, expectedVersion, current);
        }
        return current;
    }

    private static void refuseResolved(Escalation current) {
        if (current.status() == EscalationStatus.RESOLVED) {
            throw new SalesDeskException("escalation.alreadyResolved", current.subjectLabel());
        }
    }

    private static String requireNote(String note) {
        String text = Rows.blankToNull(note);
        if (text == null) {
            throw new ValidationException(List.of(FieldProblem.of("resolutionNote",
                    "escalation.resolutionNote.required")));
        }
        if (text.length() > NOTE_MAX) {
            throw new ValidationException(List.of(FieldProblem.of("resolutionNote",
                    "escalation.resolutionNote.tooLong", NOTE_MAX)));
        }
        return text;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
