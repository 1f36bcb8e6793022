-- Every outgoing message is recorded here under a unique key before any channel sees it.
-- The key (send-out / recipient / kind) makes a second copy impossible: however often the
-- dispatcher runs, on however many instances, a message is inserted once; a row is claimed
-- before it is handed to a channel, and a claim left by a crashed instance is taken over
-- once its lease has run out.
CREATE TABLE outbox
(
    id            UUID          NOT NULL PRIMARY KEY,
    message_key   VARCHAR(300)  NOT NULL,
    send_out_id   VARCHAR(100)  NOT NULL,
    person_id     UUID          NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    number        INT           NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    channel       VARCHAR(20),
    attempts      INT           NOT NULL,
    payload       VARCHAR(20000),
    planned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE,
    claimed_by    VARCHAR(100),
    finished_at   TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(1000),
    CONSTRAINT outbox_one_per_key UNIQUE (message_key)
);
CREATE INDEX outbox_by_status ON outbox (status, created_at);
CREATE INDEX outbox_by_send_out_person ON outbox (send_out_id, person_id);

-- What Samla has learnt about reaching a person by a channel: an address that bounces, a
-- Teams app that is blocked. The dispatcher routes around these.
CREATE TABLE contact_route
(
    person_id   UUID         NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    reachable   BOOLEAN      NOT NULL,
    reason      VARCHAR(500),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, channel)
);
