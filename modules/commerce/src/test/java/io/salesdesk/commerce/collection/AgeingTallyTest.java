package io.salesdesk.commerce.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeingTallyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void eachBucketEndsOnItsLastDay() {
        AgeingTally tally = new AgeingTally(TODAY);
        // Due today or later is not overdue; day 1 to 30 overdue is the first bucket, and so on.
        int[] overdueDays = {-5, 0, 1, 30, 31, 60, 61, 90, 91, 400};
        for (int i = 0; i < overdueDays.length; i++) {
            tally.add(TODAY.minusDays(overdueDays[i]), BigDecimal.ONE.movePointLeft(2).add(BigDecimal.valueOf(1L << i)));
        }
        Ageing ageing = tally.ageing();
        assertThat(ageing.notDue()).isEqualByComparingTo("3.02");   // 1 + 2
        assertThat(ageing.upTo30()).isEqualByComparingTo("12.02");  // 4 + 8
        assertThat(ageing.upTo60()).isEqualByComparingTo("48.02");  // 16 + 32
        assertThat(ageing.upTo90()).isEqualByComparingTo("192.02"); // 64 + 128
        assertThat(ageing.over90()).isEqualByComparingTo("768.02"); // 256 + 512
        assertThat(ageing.total().scale()).isEqualTo(2);
    }

    @Test
    void nothingOpenIsZeroInEveryBucket() {
        assertThat(new AgeingTally(TODAY).ageing().total()).isEqualByComparingTo("0.00");
    }
}
