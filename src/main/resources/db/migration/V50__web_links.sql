-- The personal links to the answer pages, one per person and send-out. A link's token is an
-- HMAC of (send-out, person, generation) under the key kept in web_link_key, so it can be put
-- into every message without being stored; the table keeps only the token's SHA-256, so it
-- alone opens nobody's response. Revoking a link raises its generation.
CREATE TABLE web_link_key (
    id         INT          NOT NULL PRIMARY KEY,
    secret     VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE web_link (
    send_out_id VARCHAR(100) NOT NULL,
    person_id   UUID         NOT NULL REFERENCES person (id),
    generation  INT          NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (send_out_id, person_id)
);

CREATE UNIQUE INDEX web_link_token ON web_link (token_hash);
