-- Every email Samla reads is kept here (raw, for audit and reprocessing) before anything is
-- done with it, under a unique key, so a message read twice (a crash before the IMAP flag
-- was set, two instances) is processed once. The raw message is dropped after the
-- retention period; the outcome stays.
CREATE TABLE email_inbound
(
    id            UUID          NOT NULL PRIMARY KEY,
    message_key   VARCHAR(300)  NOT NULL,
    message_id    VARCHAR(300),
    imap_uid      BIGINT,
    raw           BYTEA,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    detail        VARCHAR(1000),
    token         VARCHAR(32),
    send_out_id   VARCHAR(100),
    person_id     UUID,
    processed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT email_inbound_once UNIQUE (message_key)
);
CREATE INDEX email_inbound_by_status ON email_inbound (status, received_at);

-- Where reading the mailbox stopped: the folder's UIDVALIDITY and the last UID read.
CREATE TABLE imap_state
(
    folder       VARCHAR(200) NOT NULL PRIMARY KEY,
    uid_validity BIGINT       NOT NULL,
    last_uid     BIGINT       NOT NULL
);
