package io.salesdesk.studio.template;

import io.salesdesk.core.ValidationException;
import io.salesdesk.insight.kpi.KpiKind;
import io.salesdesk.studio.form.BuiltInFields;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.onboarding.PathJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a template file's form layouts, team dashboard and onboarding paths must be before anything is
 * installed. What depends on the workspace (a form's fields exist, a required field is placed) is checked
 * again by the form designer's own service on install.
 */
final class StudioItemChecks {

    /** The dashboard's charts by key; its tiles are {@code kpi.} and a {@link KpiKind}. */
    private static final List<String> CHARTS = List.of("chart.signed", "chart.response", "chart.conversion");
    private static final int MAX_WIDGETS = 40;

    private StudioItemChecks() {
    }

    static void check(Template t) {
        Set<Object> entities = new HashSet<>();
        for (int i = 0; i < t.formLayouts().size(); i++) {
            String at = "formLayouts[" + (i + 1) + "]";
            Template.Form form = t.formLayouts().get(i);
            TemplateFile.require(form.entity(), at + ".entity");
            if (!BuiltInFields.designable(form.entity()) || !entities.add(form.entity())) {
                throw new TemplateException("template.file.badValue", at + ".entity", form.entity().name());
            }
            if (form.sections().isEmpty()) {
                throw new TemplateException("template.file.missing", at + ".sections");
            }
            for (int j = 0; j < form.sections().size(); j++) {
                FormSection section = form.sections().get(j);
                String sectionAt = at + ".sections[" + (j + 1) + "]";
                if (section.columns() != 1 && section.columns() != 2) {
                    throw new TemplateException("template.file.badValue", sectionAt + ".columns", section.columns());
                }
                for (int k = 0; k < section.fields().size(); k++) {
                    FormPlacement p = section.fields().get(k);
                    TemplateFile.require(p.field(), sectionAt + ".fields[" + (k + 1) + "].field");
                }
            }
        }
        if (t.dashboardLayout() != null) {
            List<String> widgets = t.dashboardLayout().widgets();
            if (widgets.isEmpty() || widgets.size() > MAX_WIDGETS) {
                throw new TemplateException("template.file.badValue", "dashboardLayout.widgets", widgets.size());
            }
            for (int i = 0; i < widgets.size(); i++) {
                if (!known(widgets.get(i))) {
                    throw new TemplateException("template.file.badValue", "dashboardLayout.widgets[" + (i + 1) + "]",
                            widgets.get(i));
                }
            }
        }
        for (int i = 0; i < t.onboardingPaths().size(); i++) {
            String at = "onboardingPaths[" + (i + 1) + "]";
            Template.Onboarding path = t.onboardingPaths().get(i);
            TemplateFile.require(path.name(), at + ".name");
            try {
                PathJson.check(path.definition());
            } catch (ValidationException e) {
                // The path editor's own words say what is wrong with which stage or step.
                throw new TemplateException(e, "template.file.badItem", at + " " + path.name());
            }
        }
    }

    private static boolean known(String widget) {
        if (widget == null) {
            return false;
        }
        if (widget.startsWith("kpi.")) {
            try {
                KpiKind.valueOf(widget.substring(4));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return CHARTS.contains(widget);
    }
}
