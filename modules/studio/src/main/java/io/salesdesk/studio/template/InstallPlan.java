package io.salesdesk.studio.template;

import java.util.List;

/**
 * What installing a template would do, shown to the user before anything is written.
 *
 * @param template the template read and checked
 * @param lines    one per item of the template, in install order
 */
public record InstallPlan(Template template, List<PlanLine> lines) {

    public InstallPlan {
        lines = List.copyOf(lines);
    }

    /** The lines that change the workspace. */
    public List<PlanLine> changes() {
        return lines.stream().filter(PlanLine::changes).toList();
    }

    /** The items that already exist and are left alone. */
    public List<PlanLine> existing() {
        return lines.stream().filter(l -> !l.changes()).toList();
    }
}
