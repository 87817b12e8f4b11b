package io.salesdesk.studio.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Role;
import io.salesdesk.studio.field.CustomEntity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A layout applied to what a user typed: what shows, what they may change, what they must still fill. */
class FormStateTest {

    private static final FormPlacement TENDER = new FormPlacement("custom.tender_no", true, false,
            new VisibleWhen("custom.source", VisibleWhen.Operator.EQUALS, "招标"), Set.of());
    private static final FormPlacement TIER = FormPlacement.of("tier", false).withRequired(true)
            .withReadOnlyFor(Set.of(Role.REP));
    private static final FormLayout LAYOUT = new FormLayout(CustomEntity.CUSTOMER, List.of(
            new FormSection("基本信息", null, 2, List.of(FormPlacement.of("name", true).withRequired(true), TIER,
                    FormPlacement.of("custom.source", false), TENDER))), List.of(), 1, true);

    @Test
    void aFieldShownOnlyForTendersIsAskedForOnlyWhenTheSourceIsATender() {
        FormState state = new FormState(LAYOUT, Role.REP, true);

        assertThat(state.visible(TENDER, Map.of("custom.source", "展会"))).isFalse();
        assertThat(state.missing(Map.of("name", "杭州一院", "tier", "A", "custom.source", "展会"))).isEmpty();
        assertThat(state.visible(TENDER, Map.of("custom.source", "招标"))).isTrue();
        assertThat(state.missing(Map.of("name", "杭州一院", "tier", "A", "custom.source", "招标")))
                .containsExactly(TENDER);
    }

    @Test
    void aRoleMayNotChangeAReadOnlyFieldOfAnExistingRecordButFillsItOnANewOne() {
        assertThat(new FormState(LAYOUT, Role.REP, false).editable(TIER)).isFalse();
        assertThat(new FormState(LAYOUT, Role.MANAGER, false).editable(TIER)).isTrue();
        assertThat(new FormState(LAYOUT, Role.REP, true).editable(TIER)).isTrue();
        // A rep is not asked for a value they may not enter.
        assertThat(new FormState(LAYOUT, Role.REP, false).missing(Map.of("name", "杭州一院"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            EQUALS,     招标,   招标,        true
            EQUALS,     招标,   展会,        false
            EQUALS,     招标,   '展会\n招标', true
            NOT_EQUALS, 招标,   展会,        true
            CONTAINS,   医院,   杭州市一医院, true
            FILLED,     ,      x,          true
            FILLED,     ,      '  ',       false
            EMPTY,      ,      ,           true
            """)
    void conditionsCompareTheValueAsTyped(VisibleWhen.Operator operator, String value, String actual,
                                          boolean holds) {
        String typed = actual == null ? null : actual.replace("\\n", "\n");
        assertThat(new VisibleWhen("custom.source", operator, value).holds(typed)).isEqualTo(holds);
    }
}
