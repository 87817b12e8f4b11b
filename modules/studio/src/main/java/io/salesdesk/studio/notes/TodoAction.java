package io.salesdesk.studio.notes;

/** The kinds of follow-up action a note can promise. */
public enum TodoAction {
    SEND_QUOTE("发送报价", "Send quote"),
    DEMO("安排演示", "Arrange demo"),
    REVISIT("回访", "Follow-up visit"),
    VISIT("上门拜访", "Visit"),
    CALL("电话跟进", "Call"),
    SEND_MATERIALS("发送资料", "Send materials"),
    CONTRACT("推进合同", "Contract"),
    COLLECT_PAYMENT("跟进回款", "Chase payment"),
    TRIAL("安排试用", "Arrange trial"),
    TRAINING("安排培训", "Arrange training"),
    BID("准备投标", "Prepare bid"),
    FOLLOW_UP("跟进", "Follow up");

    private final String chinese;
    private final String english;

    TodoAction(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The title of a to-do whose note says no more than the action, in the note's language. */
    public String defaultTitle(boolean chineseNote) {
        return chineseNote ? chinese : english;
    }
}
