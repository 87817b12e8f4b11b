package io.salesdesk.studio.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A layout being designed (表单设计器): fields placed, moved and taken off, sections added, renamed,
 * reordered and removed, placements changed, before the designer saves. Keeps the rule that a field the
 * record needs stays on the form; a move that would break it is refused by returning false.
 */
public final class LayoutDraft {

    private final Map<String, PlaceableField> fields;
    private final List<FormSection> sections;

    public LayoutDraft(FormLayout layout, List<PlaceableField> fields) {
        this.fields = FormLayouts.byName(fields);
        this.sections = new ArrayList<>(layout.sections());
    }

    public List<FormSection> sections() {
        return List.copyOf(sections);
    }

    /** The fields not on the form, in the entity's order: the designer's palette. */
    public List<PlaceableField> unplaced() {
        Set<String> placed = new HashSet<>();
        sections.forEach(s -> s.fields().forEach(p -> placed.add(p.field())));
        return fields.values().stream().filter(f -> !placed.contains(f.name())).toList();
    }

    public PlaceableField field(String name) {
        return fields.get(name);
    }

    public Optional<FormPlacement> placement(String field) {
        return sections.stream().flatMap(s -> s.fields().stream()).filter(p -> p.field().equals(field)).findFirst();
    }

    /**
     * Puts a field at a position of a section: from the palette as a plain placement, from elsewhere on
     * the form with its settings. {@code index} counts the section's fields as they were before the move.
     */
    public void place(String field, int section, int index) {
        PlaceableField known = fields.get(field);
        if (known == null || section < 0 || section >= sections.size()) {
            return;
        }
        FormPlacement placement = placement(field)
                .orElse(FormPlacement.of(field, known.wide()).withRequired(known.needed()));
        int at = index;
        FormSection target = sections.get(section);
        int old = target.fields().indexOf(placement);
        if (old >= 0 && old < at) {
            at--;
        }
        take(field);
        List<FormPlacement> now = new ArrayList<>(sections.get(section).fields());
        now.add(Math.max(0, Math.min(at, now.size())), placement);
        sections.set(section, sections.get(section).withFields(now));
    }

    /** Takes a field off the form, back to the palette; false for a field the record needs. */
    public boolean remove(String field) {
        PlaceableField known = fields.get(field);
        if (known == null || known.needed()) {
            return false;
        }
        take(field);
        return true;
    }

    /** Changes a placed field's settings (required, width, condition, read-only roles). */
    public void update(FormPlacement changed) {
        for (int i = 0; i < sections.size(); i++) {
            List<FormPlacement> now = new ArrayList<>(sections.get(i).fields());
            for (int j = 0; j < now.size(); j++) {
                if (now.get(j).field().equals(changed.field())) {
                    now.set(j, changed);
                    sections.set(i, sections.get(i).withFields(now));
                    return;
                }
            }
        }
    }

    /** Adds an empty section at the end and returns its index. */
    public int addSection(String titleZh, String titleEn, int columns) {
        sections.add(new FormSection(titleZh, titleEn, columns, List.of()));
        return sections.size() - 1;
    }

    public void renameSection(int section, String titleZh, String titleEn) {
        FormSection s = sections.get(section);
        sections.set(section, new FormSection(titleZh, titleEn, s.columns(), s.fields()));
    }

    public void setColumns(int section, int columns) {
        FormSection s = sections.get(section);
        sections.set(section, new FormSection(s.titleZh(), s.titleEn(), columns, s.fields()));
    }

    /** Moves a section up (-1) or down (+1). */
    public void moveSection(int section, int by) {
        int to = section + by;
        if (to < 0 || to >= sections.size()) {
            return;
        }
        sections.add(to, sections.remove(section));
    }

    /**
     * Removes a section; its fields go back to the palette. False, and nothing removed, when it holds a
     * field the record needs or is the last section.
     */
    public boolean removeSection(int section) {
        FormSection s = sections.get(section);
        if (sections.size() == 1 || s.fields().stream().anyMatch(p -> fields.get(p.field()) != null
                && fields.get(p.field()).needed())) {
            return false;
        }
        sections.remove(section);
        return true;
    }

    private void take(String field) {
        for (int i = 0; i < sections.size(); i++) {
            FormSection s = sections.get(i);
            if (s.fields().stream().anyMatch(p -> p.field().equals(field))) {
                sections.set(i, s.withFields(s.fields().stream().filter(p -> !p.field().equals(field)).toList()));
            }
        }
    }
}
