package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldMergeTest {

    @ParameterizedTest(name = "base {0}, hub {1}, incoming {2} → {3}")
    @CsvSource(textBlock = """
            A, A, B, TAKE_INCOMING
            A, B, B, ALREADY_EQUAL
            A, B, C, CONFLICT
            ,  ,  B, TAKE_INCOMING
            A, A,  , TAKE_INCOMING
            A,  , B, CONFLICT
            A, B,  , CONFLICT
            """)
    void aFieldIsTakenKeptOrRecordedAsAConflict(String base, String hub, String incoming, FieldMerge expected) {
        assertThat(FieldMerge.of(base, hub, incoming)).isEqualTo(expected);
    }
}
