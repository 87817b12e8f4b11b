-- Outbound notification channels: e-mail over SMTP and the WeCom / DingTalk / Feishu group robots
-- (webhooks). The inbox message stays as it is; a copy for each channel goes to an outbox in the same
-- transaction, and a deliverer off the user's thread sends it, retrying with back-off, and records
-- every attempt so Settings can show what happened to it.

-- A configured channel. kind is EMAIL, WECOM, DINGTALK or FEISHU; settings_json holds the
-- kind's settings (URL and signing secret, or SMTP host, port, security, user, password, from);
-- subscribed_kinds lists the message kinds it carries, comma-separated ("*" all, "sla.*" a prefix).
CREATE TABLE notification_channel (
    id                UUID          NOT NULL PRIMARY KEY,
    kind              VARCHAR(16)   NOT NULL,
    name              VARCHAR(100)  NOT NULL,
    enabled           BOOLEAN       NOT NULL,
    settings_json     VARCHAR(4000) NOT NULL,
    subscribed_kinds  VARCHAR(1000) NOT NULL,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        UUID,
    deleted_at        TIMESTAMP WITH TIME ZONE
);

-- One message for one channel (and for e-mail, one address). status is PENDING until it is SENT or,
-- after the last attempt, FAILED. A client sending an entry holds it until claimed_until, so a
-- second client on the same shared database does not send it twice.
CREATE TABLE notification_outbox (
    id                 UUID          NOT NULL PRIMARY KEY,
    channel_id         UUID          NOT NULL,
    notification_kind  VARCHAR(40)   NOT NULL,
    recipient_id       UUID,
    address            VARCHAR(200),
    title              VARCHAR(200)  NOT NULL,
    body               VARCHAR(2000) NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    attempts           INTEGER       NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until      TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_notification_outbox_channel FOREIGN KEY (channel_id) REFERENCES notification_channel (id),
    CONSTRAINT ck_notification_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX ix_notification_outbox_channel ON notification_outbox (channel_id, created_at);

-- Every delivery attempt, the channel log: outcome SENT, RETRY (with when next) or FAILED; the HTTP
-- status or SMTP reply and the error text. A test send from Settings has no outbox entry.
CREATE TABLE notification_delivery (
    id               UUID          NOT NULL PRIMARY KEY,
    channel_id       UUID          NOT NULL,
    outbox_id        UUID,
    attempt_no       INTEGER       NOT NULL,
    attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome          VARCHAR(10)   NOT NULL,
    status_code      INTEGER,
    error_text       VARCHAR(1000),
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    title            VARCHAR(200)  NOT NULL,
    CONSTRAINT fk_notification_delivery_channel FOREIGN KEY (channel_id) REFERENCES notification_channel (id),
    CONSTRAINT fk_notification_delivery_outbox FOREIGN KEY (outbox_id) REFERENCES notification_outbox (id)
);
CREATE INDEX ix_notification_delivery_channel ON notification_delivery (channel_id, attempted_at);
