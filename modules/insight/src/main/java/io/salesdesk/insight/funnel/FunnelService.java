package io.salesdesk.insight.funnel;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Funnel definitions and their figures: conversion per node and per rep, and the deals that missed. */
public final class FunnelService {

    private final Database db;
    private final Clock clock;
    private final FunnelScanner scanner;

    public FunnelService(Database db, Clock clock, FunnelScanner scanner) {
        this.db = db;
        this.clock = clock;
        this.scanner = scanner;
    }

    /** Every funnel, by name. */
    public List<Funnel> funnels() {
        return db.transactionResult(cfg -> FunnelRepository.using(cfg, clock).all());
    }

    /** The pipeline's stages in order, for node editors and stage names. */
    public List<OpportunityStage> stages() {
        return db.transactionResult(cfg -> OpportunityRepository.using(cfg, clock).stages());
    }

    /** The funnel's figures over the deals the viewer may see, as the last scan left them. */
    public FunnelFigures figures(Actor viewer, UUID funnelId) {
        return db.transactionResult(cfg -> {
            Funnel funnel = FunnelRepository.using(cfg, clock).find(funnelId)
                    .orElseThrow(() -> new SalesDeskException("funnel.error.gone"));
            FunnelOutcomeRepository outcomes = FunnelOutcomeRepository.using(cfg);
            return new FunnelFigures(funnel, outcomes.conversion(viewer, funnel), outcomes.byRep(viewer, funnel),
                    outcomes.missed(viewer, funnel));
        });
    }

    /** Evaluates every funnel now (the view's refresh button); prompts go out as in the timed scan. */
    public FunnelScanner.Report evaluateNow() {
        return scanner.scan();
    }

    /**
     * Saves a new ({@code id} null) or changed funnel; managers and company-wide roles only. A
     * change made on an old version fails with a conflict rather than overwriting.
     */
    public Funnel save(Actor actor, Funnel funnel) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("funnel.error.notAllowed");
        }
        Set<String> stageCodes = stages().stream().map(OpportunityStage::code).collect(Collectors.toSet());
        List<FieldProblem> problems = validate(funnel, stageCodes);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Funnel clean = new Funnel(funnel.id(), funnel.name().strip(), funnel.productFilter(), funnel.enabled(),
                funnel.version(), funnel.nodes());
        return db.transactionResult(cfg -> {
            FunnelRepository repo = FunnelRepository.using(cfg, clock);
            return clean.id() == null ? repo.insert(actor, ChangeReason.user(), clean)
                    : repo.update(actor, ChangeReason.user(), clean, clean.version());
        });
    }

    /** The problems of a definition, one per field: "nodes[2].threshold" and the message key. */
    static List<FieldProblem> validate(Funnel funnel, Set<String> stageCodes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (funnel.name() == null || funnel.name().isBlank()) {
            problems.add(FieldProblem.of("name", "funnel.error.nameRequired"));
        } else if (funnel.name().strip().length() > 100) {
            problems.add(FieldProblem.of("name", "funnel.error.nameTooLong", 100));
        }
        if (funnel.nodes().isEmpty()) {
            problems.add(FieldProblem.of("nodes", "funnel.error.noNodes"));
        }
        for (int i = 0; i < funnel.nodes().size(); i++) {
            FunnelNode node = funnel.nodes().get(i);
            String at = "nodes[" + (i + 1) + "]";
            int n = i + 1;
            if (node.name() == null || node.name().isBlank()) {
                problems.add(FieldProblem.of(at + ".name", "funnel.error.nodeName", n));
            }
            Measure m = node.measure();
            String stage = m instanceof Measure.ActivityBeforeStage b ? b.stage()
                    : m instanceof Measure.StageWithin s ? s.stage()
                    : m instanceof Measure.ActivityCount c ? c.fromStage() : null;
            boolean stageRequired = m instanceof Measure.ActivityBeforeStage || m instanceof Measure.StageWithin;
            if ((stageRequired && stage == null) || (stage != null && !stageCodes.contains(stage))) {
                problems.add(FieldProblem.of(at + ".stage", "funnel.error.stage", n));
            }
            int threshold = m instanceof Measure.ActivityCount c ? c.minimum()
                    : m instanceof Measure.ReplyWithin w ? w.hours()
                    : m instanceof Measure.StageWithin s ? s.days() : 1;
            if (threshold <= 0) {
                problems.add(FieldProblem.of(at + ".threshold", "funnel.error.threshold", n));
            }
            // Without a kind or keyword every activity would be a question and none a reply.
            if (m instanceof Measure.ReplyWithin w && w.activityKind() == null
                    && (w.keyword() == null || w.keyword().isBlank())) {
                problems.add(FieldProblem.of(at + ".keyword", "funnel.error.question", n));
            }
            if (m instanceof Measure.ActivityCount c && c.days() <= 0) {
                problems.add(FieldProblem.of(at + ".days", "funnel.error.days", n));
            }
        }
        return problems;
    }
}
