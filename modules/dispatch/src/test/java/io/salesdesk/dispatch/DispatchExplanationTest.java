package io.salesdesk.dispatch;

import static io.salesdesk.dispatch.Reps.lead;
import static io.salesdesk.dispatch.Reps.rep;
import static io.salesdesk.dispatch.Reps.withRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchExplanationTest {

    static final Map<String, String> NAMES = Map.of("330100", "杭州市", "350102", "鼓楼区");

    final DispatchExplanation chinese = new DispatchExplanation(Locale.SIMPLIFIED_CHINESE, NAMES::get);
    final DispatchExplanation english = new DispatchExplanation(Locale.ENGLISH, NAMES::get);

    /** 张伟 (load 0.42, hospitals in 21 days) against 李娜 (load 0.60, hospitals in 35 days), both for Hangzhou. */
    final Dispatcher hangzhou = new Dispatcher(List.of(
            withRecord(rep("张伟", 50, 21, "330100"), "HOSPITAL", new TrackRecord(8, 2, 21)),
            withRecord(rep("李娜", 50, 30, "330100"), "HOSPITAL", new TrackRecord(5, 5, 35))),
            DispatchWeights.DEFAULTS);

    @Test
    void explainsRegionLoadAndCycleInChinese() {
        Assignment a = hangzhou.dispatch(lead(1, "330106", "HOSPITAL"));

        assertThat(chinese.explain(a, "330106"))
                .isEqualTo("分配给张伟：区域匹配 杭州市；负荷指数 0.42（组内最低）；医院类客户平均成交周期 21 天（组内最快）");
    }

    @Test
    void explainsTheSameInEnglish() {
        Assignment a = hangzhou.dispatch(lead(1, "330106", "HOSPITAL"));

        assertThat(english.explain(a, "330106")).isEqualTo("Assigned to 张伟: region match 杭州市; load index 0.42 "
                + "(lowest in the group); median close cycle with hospital customers 21 days (fastest in the group)");
    }

    @Test
    void saysNobodyCoversTheRegionAndThatTheRepHasNoHistory() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 50, 25, "330100"), rep("李娜", 50, 5, "320500")),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, "350102", null));

        assertThat(chinese.explain(a, "350102"))
                .isEqualTo("分配给李娜：无人负责 鼓楼区，在全部销售中分配；负荷指数 0.10（组内最低）；暂无成交记录");
    }

    @Test
    void saysWhenATieWasBrokenByTurn() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 50, 10, "330100"), rep("李娜", 50, 10, "330100")),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, "330106", null));

        assertThat(chinese.explain(a, "330106")).endsWith("；暂无成交记录；同分按轮转");
    }

    @Test
    void saysWhyNobodyGotTheLead() {
        Assignment a = new Dispatcher(List.of(rep("张伟", 5, 5, "330100")), DispatchWeights.DEFAULTS)
                .dispatch(lead(1, "330106", null));

        assertThat(chinese.explain(a, "330106")).isEqualTo("没有可接单的销售（均休假或已满负荷），线索留在区域公海，已通知主管");
    }
}
