package io.salesdesk.workflow.notify.channel;

/** Where an outbound channel carries messages. */
public enum ChannelKind {
    /** E-mail over SMTP, one message to each recipient's address. */
    EMAIL,
    /** 企业微信群机器人 (WeCom group robot). */
    WECOM,
    /** 钉钉自定义机器人 (DingTalk custom robot), optionally signed. */
    DINGTALK,
    /** 飞书自定义机器人 (Feishu custom robot), optionally signed. */
    FEISHU;

    /** Whether messages go to a group chat through a webhook rather than to people's mailboxes. */
    public boolean isRobot() {
        return this != EMAIL;
    }
}
