-- Email: the unguessable reply token per person and send-out (carried in the reply address
-- enkat+TOKEN@domain), and every Message-ID Samla sent, so a reply that quotes only
-- In-Reply-To or References still finds its send-out and person.
CREATE TABLE email_token
(
    token       VARCHAR(32)  NOT NULL PRIMARY KEY,
    send_out_id VARCHAR(100) NOT NULL,
    person_id   UUID         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT email_token_one_per_person UNIQUE (send_out_id, person_id)
);

CREATE TABLE email_sent
(
    message_id  VARCHAR(300) NOT NULL PRIMARY KEY,
    token       VARCHAR(32)  NOT NULL,
    outbox_key  VARCHAR(300) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX email_sent_by_token ON email_sent (token);
