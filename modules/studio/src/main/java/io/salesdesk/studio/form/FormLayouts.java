package io.salesdesk.studio.form;

import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.studio.field.CustomEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a layout becomes against the fields an entity has now: the default one when none is saved,
 * fields retired since it was saved left out, fields added since (or never placed) appended in a
 * trailing section so nothing is lost, and what a save must refuse.
 */
public final class FormLayouts {

    static final int TITLE_MAX = 40;
    static final String MORE_ZH = "更多字段";
    static final String MORE_EN = "More fields";

    private FormLayouts() {
    }

    /** Today's form: the entity's own fields in one two-column section, custom fields after them. */
    public static List<FormSection> defaultSections(CustomEntity entity) {
        List<FormPlacement> own = BuiltInFields.of(entity).stream()
                .map(f -> FormPlacement.of(f.name(), f.wide()).withRequired(f.needed())).toList();
        return List.of(new FormSection("基本信息", "Basic information", 2, own));
    }

    /**
     * The layout to show: the saved sections (or the default ones) with unknown fields and conditions
     * on unknown fields left out, a needed field always required and always shown, and every field not
     * placed and not deliberately left off (a field added since, a needed one) appended in a trailing
     * section.
     */
    public static FormLayout resolve(CustomEntity entity, List<FormSection> saved, List<String> leftOff,
                                     long version, List<PlaceableField> fields) {
        Map<String, PlaceableField> byName = byName(fields);
        Set<String> placed = new HashSet<>();
        List<FormSection> sections = new ArrayList<>();
        for (FormSection section : saved == null ? defaultSections(entity) : saved) {
            List<FormPlacement> kept = new ArrayList<>();
            for (FormPlacement p : section.fields()) {
                PlaceableField field = byName.get(p.field());
                if (field == null || !placed.add(p.field())) {
                    continue;
                }
                FormPlacement now = p;
                if (field.needed()) {
                    now = now.withRequired(true).withVisibleWhen(null);
                } else if (p.visibleWhen() != null && !byName.containsKey(p.visibleWhen().field())) {
                    now = now.withVisibleWhen(null);
                }
                kept.add(now);
            }
            sections.add(section.withFields(kept));
        }
        Set<String> off = saved == null ? Set.of() : Set.copyOf(leftOff);
        List<FormPlacement> rest = fields.stream()
                .filter(f -> !placed.contains(f.name()) && (f.needed() || !off.contains(f.name())))
                .map(f -> FormPlacement.of(f.name(), f.wide()).withRequired(f.needed())).toList();
        if (!rest.isEmpty()) {
            sections.add(new FormSection(MORE_ZH, MORE_EN, 2, rest));
        }
        List<String> stillOff = fields.stream()
                .filter(f -> !f.needed() && off.contains(f.name()) && !placed.contains(f.name()))
                .map(PlaceableField::name).toList();
        return new FormLayout(entity, sections, stillOff, version, saved != null);
    }

    /** What is wrong with sections a user wants to save, each problem naming the section or field. */
    public static List<FieldProblem> problems(List<FormSection> sections, List<PlaceableField> fields,
                                              Locale locale) {
        Map<String, PlaceableField> byName = byName(fields);
        List<FieldProblem> problems = new ArrayList<>();
        if (sections.isEmpty()) {
            problems.add(FieldProblem.of("sections", "studio.form.noSections"));
        }
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            FormSection section = sections.get(i);
            String title = section.title(locale);
            if (title.isBlank()) {
                problems.add(FieldProblem.of("sections", "studio.form.section.untitled", i + 1));
            } else if (title.length() > TITLE_MAX || blankToEmpty(section.titleEn()).length() > TITLE_MAX
                    || blankToEmpty(section.titleZh()).length() > TITLE_MAX) {
                problems.add(FieldProblem.of("sections", "studio.form.section.tooLong", title, TITLE_MAX));
            }
            if (section.columns() != 1 && section.columns() != 2) {
                problems.add(FieldProblem.of("sections", "studio.form.section.columns", title));
            }
            for (FormPlacement p : section.fields()) {
                PlaceableField field = byName.get(p.field());
                if (field == null) {
                    problems.add(FieldProblem.of("sections", "studio.form.unknownField", p.field()));
                    continue;
                }
                String label = field.label(locale);
                if (!placed.add(p.field())) {
                    problems.add(FieldProblem.of("sections", "studio.form.twice", label));
                }
                if (field.needed() && !p.required()) {
                    problems.add(FieldProblem.of("sections", "studio.form.neededOptional", label));
                }
                if (field.needed() && p.visibleWhen() != null) {
                    problems.add(FieldProblem.of("sections", "studio.form.neededHidden", label));
                }
                VisibleWhen when = p.visibleWhen();
                if (when != null && (when.field().equals(p.field()) || !byName.containsKey(when.field()))) {
                    problems.add(FieldProblem.of("sections", "studio.form.badCondition", label));
                } else if (when != null && when.operator().takesValue() && when.value().isEmpty()) {
                    problems.add(FieldProblem.of("sections", "studio.form.conditionValue", label));
                }
            }
        }
        for (PlaceableField field : fields) {
            if (field.needed() && !placed.contains(field.name())) {
                problems.add(FieldProblem.of("sections", "studio.form.neededMissing", field.label(locale)));
            }
        }
        return problems;
    }

    /** The fields an entity's form can show now: its own, then its custom fields in use. */
    static Map<String, PlaceableField> byName(List<PlaceableField> fields) {
        Map<String, PlaceableField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        return byName;
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
