-- Shared and offline (issue #11): sign-in. A user's password lives in a table of its own, so the
-- many queries that read app_user never carry a password hash, and a workspace without any row
-- here (a personal embedded one) keeps starting without sign-in.
-- password_hash is an encoded Argon2id hash with its salt and parameters ($argon2id$v=19$m=..,t=..,p=..$salt$hash).
-- failed_attempts counts wrong passwords since the last good one; locked_until is set after five.
CREATE TABLE user_credential (
    user_id             UUID          NOT NULL PRIMARY KEY,
    password_hash       VARCHAR(200)  NOT NULL,
    must_change         BOOLEAN       NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts     INTEGER       NOT NULL,
    locked_until        TIMESTAMP WITH TIME ZONE,
    last_sign_in_at     TIMESTAMP WITH TIME ZONE,
    version             BIGINT        NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          UUID,
    CONSTRAINT fk_user_credential_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
