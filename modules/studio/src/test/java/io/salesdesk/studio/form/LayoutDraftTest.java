package io.salesdesk.studio.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Designing a layout: placing, moving and taking off fields, and sections, without losing needed ones. */
class LayoutDraftTest {

    private static final CustomField BEDS = new CustomField(UUID.randomUUID(), CustomEntity.CUSTOMER, "beds", "床位数",
            FieldType.NUMBER, List.of(), false, null, null, 1, null, 1);

    private static LayoutDraft draft() {
        List<PlaceableField> fields = new ArrayList<>(BuiltInFields.of(CustomEntity.CUSTOMER));
        fields.add(PlaceableField.of(BEDS));
        FormLayout layout = new FormLayout(CustomEntity.CUSTOMER, FormLayouts.defaultSections(CustomEntity.CUSTOMER),
                List.of(), 0, false);
        return new LayoutDraft(layout, fields);
    }

    private static List<String> names(LayoutDraft draft, int section) {
        return draft.sections().get(section).fields().stream().map(FormPlacement::field).toList();
    }

    @Test
    void aFieldDraggedFromThePaletteLandsWhereItWasDroppedAndLeavesThePalette() {
        LayoutDraft draft = draft();
        int hospital = draft.addSection("医院信息", "Hospital", 1);

        assertThat(draft.unplaced()).extracting(PlaceableField::name).containsExactly("custom.beds");
        draft.place("custom.beds", hospital, 0);

        assertThat(names(draft, hospital)).containsExactly("custom.beds");
        assertThat(draft.unplaced()).isEmpty();
    }

    @Test
    void movingDownWithinASectionCountsPositionsAsTheyWereBeforeTheMove() {
        LayoutDraft draft = draft();
        draft.update(draft.placement("phone").orElseThrow().withRequired(true));

        // Dropped before "industry" (index 4): it ends up just before it, its settings kept.
        draft.place("phone", 0, 4);

        assertThat(names(draft, 0)).startsWith("name", "creditCode", "tier", "phone", "industry");
        assertThat(draft.placement("phone").orElseThrow().required()).isTrue();
    }

    @Test
    void aNeededFieldCannotGoBackToThePaletteNorItsSectionBeRemoved() {
        LayoutDraft draft = draft();
        int other = draft.addSection("其他", null, 2);
        draft.place("address", other, 0);

        assertThat(draft.remove("name")).isFalse();
        assertThat(draft.removeSection(0)).isFalse();
        assertThat(draft.removeSection(other)).isTrue();
        assertThat(draft.unplaced()).extracting(PlaceableField::name).containsExactly("address", "custom.beds");
    }
}
