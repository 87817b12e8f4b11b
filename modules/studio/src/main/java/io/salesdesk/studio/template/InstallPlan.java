package io.salesdesk.studio.template;

import java.util.List;

/**
 * What installing a template would do, shown to the user before anything is written.
 *
 * @param template         the template read and checked
 * @param lines            one per item of the template, in install order
 * @param installedVersion the version of the template installed now (an install of a newer one upgrades
 *                         it); 0 when it is not installed
 */
public record InstallPlan(Template template, List<PlanLine> lines, int installedVersion) {

    public InstallPlan {
        lines = List.copyOf(lines);
    }

    public InstallPlan(Template template, List<PlanLine> lines) {
        this(template, lines, 0);
    }

    /** The lines that change the workspace. */
    public List<PlanLine> changes() {
        return lines.stream().filter(PlanLine::changes).toList();
    }

    /** The items that already exist and are left alone. */
    public List<PlanLine> existing() {
        return lines.stream().filter(l -> l.action() == PlanLine.Action.EXISTS).toList();
    }

    /** What a newer version changed but someone changed here since the install: kept as it is. */
    public List<PlanLine> keptChanged() {
        return lines.stream().filter(l -> l.action() == PlanLine.Action.KEEP_CHANGED).toList();
    }

    /** The items the workspace has in a form the template's cannot take: the install is refused while any. */
    public List<PlanLine> conflicts() {
        return lines.stream().filter(l -> l.action() == PlanLine.Action.CONFLICT).toList();
    }

    /** Whether this install replaces an older installed version of the template. */
    public boolean upgrade() {
        return installedVersion > 0;
    }
}
