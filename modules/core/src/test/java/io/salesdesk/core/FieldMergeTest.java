package io.salesdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.FieldMerge.Kind;
import io.salesdesk.core.FieldMerge.Side;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FieldMergeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            # base, mine, theirs, kind,        proposed
            a,      a,    a,      UNCHANGED,   THEIRS
            a,      b,    a,      MINE_ONLY,   MINE
            a,      a,    c,      THEIRS_ONLY, THEIRS
            a,      b,    b,      BOTH_SAME,   THEIRS
            a,      b,    c,      CONFLICT,    -
            -,      b,    -,      MINE_ONLY,   MINE
            a,      -,    a,      MINE_ONLY,   MINE
            a,      -,    c,      CONFLICT,    -
            -,      '',   -,      UNCHANGED,   THEIRS
            """)
    void eachFieldIsClassifiedAgainstTheBase(String base, String mine, String theirs, Kind kind, Side proposed) {
        FieldMerge.Field field = new FieldMerge.Field("f", base, mine, theirs);
        assertThat(field.kind()).isEqualTo(kind);
        assertThat(field.proposed().orElse(null)).isEqualTo(proposed);
    }

    @Test
    void differentFieldsChangedOnEachSideKeepBothChanges() {
        FieldMerge merge = FieldMerge.of(
                Map.of("phone", "0512-1", "address", "人民路1号", "name", "苏州精工"),
                Map.of("phone", "0512-1", "address", "干将路9号", "name", "苏州精工"),
                Map.of("phone", "0512-2", "address", "人民路1号", "name", "苏州精工"));

        assertThat(merge.unresolved()).isEmpty();
        assertThat(merge.result()).containsEntry("phone", "0512-2").containsEntry("address", "干将路9号")
                .containsEntry("name", "苏州精工");
    }

    @Test
    void aFieldBothChangedMustBeChosenBeforeTheResult() {
        FieldMerge merge = FieldMerge.of(Map.of("phone", "1"), Map.of("phone", "2"), Map.of("phone", "3"));

        assertThat(merge.unresolved()).containsExactly("phone");
        assertThat(merge.choice("phone")).isEmpty();
        assertThatThrownBy(merge::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("phone");

        merge.choose("phone", Side.MINE);
        assertThat(merge.result()).containsEntry("phone", "2");
        merge.choose("phone", Side.THEIRS);
        assertThat(merge.result()).containsEntry("phone", "3");
    }

    @Test
    void theUserMayOverrideAProposedSide() {
        FieldMerge merge = FieldMerge.of(Map.of("tier", "B"), Map.of("tier", "B"), Map.of("tier", "A"));
        merge.choose("tier", Side.MINE);
        assertThat(merge.result()).containsEntry("tier", "B");
    }

    @Test
    void aFieldOnlyOneVersionHasIsStillMerged() {
        Map<String, String> mine = new HashMap<>();
        mine.put("custom.budget", null);
        FieldMerge merge = FieldMerge.of(Map.of(), mine, Map.of("custom.budget", "100"));

        assertThat(merge.field("custom.budget").kind()).isEqualTo(Kind.THEIRS_ONLY);
        assertThat(merge.result()).containsEntry("custom.budget", "100");
        assertThat(merge.counts()).containsEntry(Kind.THEIRS_ONLY, 1);
    }
}
