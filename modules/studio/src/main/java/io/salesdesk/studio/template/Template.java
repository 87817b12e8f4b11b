package io.salesdesk.studio.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardKind;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.insight.tier.BonusFormula;
import io.salesdesk.insight.tier.Period;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.onboarding.PathDefinition;
import io.salesdesk.studio.onboarding.PathStage;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.sla.SlaRule;
import java.util.List;
import java.util.Locale;

/**
 * A scenario template (场景模板): the configuration of a proven way of selling, bundled in one file that
 * installs in one click. The file format is documented in {@code docs/templates.md}; {@link TemplateFile}
 * reads and writes it. Every section is optional.
 *
 * @param format        the file format's version ({@link TemplateFile#FORMAT}); a newer one is refused
 * @param id            stable id, lower case letters, digits and dashes ({@code medical-regional})
 * @param version       the template's own version, raised by its author on each release
 * @param minAppVersion the oldest SalesDesk the template works with, e.g. {@code 0.1.0}
 * @param name          what the gallery shows
 * @param description   what the scenario is, one or two sentences
 * @param formLayouts     form layouts, one per entity
 * @param dashboardLayout the team's default dashboard layout (the widgets everyone without their own sees)
 * @param onboardingPaths onboarding paths (成长路径) managers put new hires on
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"format", "id", "version", "minAppVersion", "name", "description"})
public record Template(int format, String id, int version, String minAppVersion, Text name, Text description,
                      List<Field> customFields, List<RuleDefinition> automationRules, List<Board> boards,
                      List<Flow> approvalFlows, List<Sla> slaRules, List<Funnel> funnels, List<TierRuleItem> tierRules,
                      BonusFormula bonusFormula, DispatchWeights dispatchWeights, List<Form> formLayouts,
                      Dashboard dashboardLayout, List<Onboarding> onboardingPaths) {

    public Template {
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        automationRules = automationRules == null ? List.of() : List.copyOf(automationRules);
        boards = boards == null ? List.of() : List.copyOf(boards);
        approvalFlows = approvalFlows == null ? List.of() : List.copyOf(approvalFlows);
        slaRules = slaRules == null ? List.of() : List.copyOf(slaRules);
        funnels = funnels == null ? List.of() : List.copyOf(funnels);
        tierRules = tierRules == null ? List.of() : List.copyOf(tierRules);
        formLayouts = formLayouts == null ? List.of() : List.copyOf(formLayouts);
        onboardingPaths = onboardingPaths == null ? List.of() : List.copyOf(onboardingPaths);
    }

    /** How many items the template holds (a funnel's nodes each count): what the gallery and the benchmark weigh. */
    public int size() {
        return customFields.size() + automationRules.size() + boards.size() + approvalFlows.size() + slaRules.size()
                + funnels.size() + funnels.stream().mapToInt(f -> f.nodes().size()).sum() + tierRules.size()
                + (bonusFormula == null ? 0 : 1) + (dispatchWeights == null ? 0 : 1) + formLayouts.size()
                + (dashboardLayout == null ? 0 : 1) + onboardingPaths.size()
                + onboardingPaths.stream().mapToInt(p -> p.definition().steps().size()).sum();
    }

    /** A text in Chinese and English; either may be missing, the other stands in. */
    public record Text(String zh, String en) {

        public String in(Locale locale) {
            boolean chinese = "zh".equals(locale.getLanguage());
            String first = chinese ? zh : en;
            return first == null || first.isBlank() ? (chinese ? en : zh) : first;
        }
    }

    /** A custom field, keyed by entity and key. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Field(CustomEntity entity, String key, String label, FieldType type, List<String> choices,
                        boolean required, String defaultValue, String helpText) {

        public Field {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /** A board, keyed by kind and name. */
    public record Board(BoardKind kind, String name, BoardDefinition definition) {
    }

    /** An approval flow, keyed by the entity and action it approves (contract / submit). */
    public record Flow(String entity, String action, String name, FlowDefinition definition) {
    }

    /**
     * A follow-up SLA rule, keyed by its code; times in minutes (3 days = 4320).
     *
     * @param sinceField lastFollowUpAt, claimedAt or createdAt for customers; assignedAt or createdAt for leads
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sla(String code, String name, SlaRule.Subject subject, String sinceField, Tier tier,
                      Integer remindAfterMinutes, Integer escalateAfterMinutes, boolean notifyManager,
                      boolean workingTime) {
    }

    /** A micro-behaviour funnel (微行为漏斗), keyed by name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Funnel(String name, String productFilter, List<FunnelStep> nodes) {

        public Funnel {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }
    }

    /**
     * One node of a funnel: a measure kind and the parameters that kind uses (see docs/templates.md).
     *
     * @param measure ACTIVITY_BEFORE_STAGE, ACTIVITY_COUNT, REPLY_WITHIN or STAGE_WITHIN
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunnelStep(String name, String measure, ActivityKind activityKind, String keyword, String stage,
                             String fromStage, Integer days, Integer minimum, Integer hours) {
    }

    /** A customer tier rule ("A 类客户每月 2 次技术演示"), keyed by name. */
    public record TierRuleItem(String name, Tier tier, ActivityKind activityKind, int count, Period period) {
    }

    /** An entity's form layout (表单布局), keyed by the entity; sections as the form designer saves them. */
    public record Form(CustomEntity entity, List<FormSection> sections) {

        public Form {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    /** The team's default dashboard: widget keys in order ({@code kpi.SIGNED_AMOUNT}, {@code chart.signed}). */
    public record Dashboard(List<String> widgets) {

        public Dashboard {
            widgets = widgets == null ? List.of() : List.copyOf(widgets);
        }
    }

    /** An onboarding path (成长路径), keyed by name; stages as the path editor saves them. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Onboarding(String name, String description, List<PathStage> stages) {

        public Onboarding {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }

        public PathDefinition definition() {
            return new PathDefinition(stages);
        }
    }
}
