package io.salesdesk.studio.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Notes as reps write them after a visit or a call, written on Thursday 26 November 2026 at 09:30;
 * each proposes the to-dos a rep would expect, with the due time they meant.
 */
class NoteTodosTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-26T09:30");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            客户对价格有顾虑，3 天后回访。                        | 回访                     | REVISIT         | 2026-11-29T18:00 | 3 天后
            月底前签订采购合同。                                  | 签订采购合同             | CONTRACT        | 2026-11-30T18:00 | 月底
            明天 10 点打电话确认交货时间                          | 打电话确认交货时间       | CALL            | 2026-11-27T10:00 | 明天 10 点
            下周一上午去医院拜访设备科李科长，带上新品资料        | 去医院拜访设备科李科长   | VISIT           | 2026-11-30T10:00 | 下周一上午
            12月5号前提交标书                                     | 提交标书                 | BID             | 2026-12-05T18:00 | 12月5号
            下周五前发送技术方案和报价单                          | 发送技术方案和报价单     | SEND_MATERIALS  | 2026-12-04T18:00 | 下周五
            明早九点半到设备科上门演示                            | 到设备科上门演示         | DEMO            | 2026-11-27T09:30 | 明早九点半
            下午 3 点前回个电话给刘工                             | 回个电话给刘工           | CALL            | 2026-11-26T15:00 | 下午 3 点
            尽快安排培训                                          | 尽快安排培训             | TRAINING        | -                | -
            2026年12月20日签署合同                                | 签署合同                 | CONTRACT        | 2026-12-20T18:00 | 2026年12月20日
            下下周二去杭州拜访张院长                              | 去杭州拜访张院长         | VISIT           | 2026-12-08T18:00 | 下下周二
            客户要求月底前寄样品                                  | 客户要求寄样品           | SEND_MATERIALS  | 2026-11-30T18:00 | 月底
            明晚 8 点约王院长吃饭，再联系                         | 联系                     | FOLLOW_UP       | 2026-11-27T20:00 | 明晚 8 点
            十五号之前催一下尾款                                  | 催一下尾款               | COLLECT_PAYMENT | 2026-12-15T18:00 | 十五号
            周日前开通设备试用                                    | 开通设备试用             | TRIAL           | 2026-11-29T18:00 | 周日
            Follow up in 3 days.                                  | Follow up                | FOLLOW_UP       | 2026-11-29T18:00 | in 3 days
            Call him back tomorrow at 10:30.                      | Call him back            | CALL            | 2026-11-27T10:30 | tomorrow at 10:30
            tomorrow morning call them back about the delivery    | call them back about the delivery | CALL   | 2026-11-27T10:00 | tomorrow morning
            next month check in on the renewal                    | check in on the renewal  | FOLLOW_UP       | 2026-12-26T18:00 | next month
            Send the samples by the end of the month.             | Send the samples         | SEND_MATERIALS  | 2026-11-30T18:00 | the end of the month
            We need to sign the contract on Dec 18th.             | sign the contract        | CONTRACT        | 2026-12-18T18:00 | Dec 18th
            """)
    void aNoteWithOneActionProposesItWithItsDueTime(String note, String title, TodoAction action, String due,
                                                    String dueText) {
        assertThat(NoteTodos.propose(note, NOW))
                .extracting(TodoProposal::title, TodoProposal::action, TodoProposal::due, TodoProposal::dueText)
                .containsExactly(tuple(title, action, due == null ? null : LocalDateTime.parse(due), dueText));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            客户说上次拜访时的报价太高。
            发了报价，客户下周答复
            设备科对参数很满意，沟通顺利
            We discussed the budget with the chief engineer.
            I sat with them for an hour; they liked the demo.
            今天上午已经拜访过设备科，下午刚发送了报价
            拜访设备科王主任，确认下月招标时间
            """)
    void aNoteThatOnlyTellsWhatHappenedProposesNothing(String note) {
        assertThat(NoteTodos.propose(note, NOW)).isEmpty();
    }

    @Test
    void twoActionsInOneSentenceEachGetTheirOwnDate() {
        List<TodoProposal> todos = NoteTodos.propose("下周三下午给王主任发送报价，周五前安排一次产品演示。", NOW);

        assertThat(todos).extracting(TodoProposal::title, TodoProposal::action, TodoProposal::due).containsExactly(
                tuple("给王主任发送报价", TodoAction.SEND_QUOTE, LocalDateTime.parse("2026-12-02T15:00")),
                tuple("安排一次产品演示", TodoAction.DEMO, LocalDateTime.parse("2026-11-27T18:00")));
    }

    @Test
    void actionsJoinedByAConnectorShareTheDateWrittenBeforeThem() {
        assertThat(NoteTodos.propose("明天发送报价并给李科长安排演示", NOW))
                .extracting(TodoProposal::title, TodoProposal::due).containsExactly(
                        tuple("发送报价", LocalDateTime.parse("2026-11-27T18:00")),
                        tuple("给李科长安排演示", LocalDateTime.parse("2026-11-27T18:00")));
    }

    @Test
    void anEnglishSentenceKeepsEachActionsObjectAndDate() {
        assertThat(NoteTodos.propose("Send the updated quote to Dr. Li by Friday and schedule a demo next Tuesday "
                + "at 3pm.", NOW)).extracting(TodoProposal::title, TodoProposal::action, TodoProposal::due)
                .containsExactly(
                        tuple("Send the updated quote to Dr. Li", TodoAction.SEND_QUOTE,
                                LocalDateTime.parse("2026-11-27T18:00")),
                        tuple("schedule a demo", TodoAction.DEMO, LocalDateTime.parse("2026-12-01T15:00")));
    }

    @Test
    void aLongerNoteProposesEachPromiseOnceInOrder() {
        String note = """
                今天上午拜访了市一院设备科，李科长对 CT 的参数比较满意，但觉得报价偏高。
                需要下周二前重新报价，并安排一次现场演示；月底前寄一份样本给信息科。
                下周二前重新报价。""";

        assertThat(NoteTodos.propose(note, NOW)).extracting(TodoProposal::title, TodoProposal::action)
                .containsExactly(
                        tuple("重新报价", TodoAction.SEND_QUOTE),
                        tuple("安排一次现场演示", TodoAction.DEMO),
                        tuple("寄一份样本给信息科", TodoAction.SEND_MATERIALS));
    }

    @Test
    void aDayThatDoesNotExistGivesNoDueTimeAndStaysInTheTitleForTheRepToRead() {
        assertThat(NoteTodos.propose("2月30号前需要发送报价", NOW)).extracting(TodoProposal::title, TodoProposal::due)
                .containsExactly(tuple("2月30号前需要发送报价", null));
    }

    @Test
    void aTimeThatHasPassedTodayIsTomorrows() {
        assertThat(NoteTodos.propose("8 点半前回个电话", NOW.withHour(11)))
                .extracting(TodoProposal::due).containsExactly(LocalDateTime.parse("2026-11-27T08:30"));
    }

    @Test
    void chineseNumeralsAreRead() {
        assertThat(DatePhrases.number("三")).isEqualTo(3);
        assertThat(DatePhrases.number("十")).isEqualTo(10);
        assertThat(DatePhrases.number("十二")).isEqualTo(12);
        assertThat(DatePhrases.number("二十五")).isEqualTo(25);
        assertThat(DatePhrases.number("两")).isEqualTo(2);
        assertThat(DatePhrases.number("１５")).isEqualTo(15);
    }
}
