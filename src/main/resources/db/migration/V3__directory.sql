-- The directory: organisations, people, their networks, and the plan activities they own.
-- Portable SQL for H2 (PostgreSQL mode) and PostgreSQL. E-mail addresses and Entra ids are
-- stored lower-case by the application, so plain unique constraints make them unique
-- regardless of case. Several NULL entra_object_id values are allowed by both databases.
CREATE TABLE organisation
(
    id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    version BIGINT       NOT NULL,
    name    VARCHAR(200) NOT NULL,
    kind    VARCHAR(20)  NOT NULL
);

CREATE TABLE person
(
    id                UUID         NOT NULL PRIMARY KEY,
    version           BIGINT       NOT NULL,
    name              VARCHAR(200) NOT NULL,
    email             VARCHAR(320) NOT NULL,
    role              VARCHAR(200),
    organisation_id   VARCHAR(64)  NOT NULL REFERENCES organisation (id),
    entra_object_id   VARCHAR(36),
    tenant_id         VARCHAR(36),
    preferred_channel VARCHAR(20)  NOT NULL,
    language          VARCHAR(5)   NOT NULL,
    active            BOOLEAN      NOT NULL,
    CONSTRAINT person_email_uk UNIQUE (email),
    CONSTRAINT person_entra_object_id_uk UNIQUE (entra_object_id)
);
CREATE INDEX person_organisation_idx ON person (organisation_id);

CREATE TABLE person_network
(
    person_id UUID        NOT NULL REFERENCES person (id),
    network   VARCHAR(40) NOT NULL,
    PRIMARY KEY (person_id, network)
);

CREATE TABLE plan_activity
(
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    version          BIGINT        NOT NULL,
    title            VARCHAR(1000) NOT NULL,
    development_area VARCHAR(100)  NOT NULL,
    expected_effect  VARCHAR(2000),
    timeline         VARCHAR(200),
    follow_up        VARCHAR(200)
);

CREATE TABLE activity_owner
(
    activity_id VARCHAR(32) NOT NULL REFERENCES plan_activity (id),
    owner_index INT         NOT NULL,
    person_id   UUID        NOT NULL REFERENCES person (id),
    PRIMARY KEY (activity_id, owner_index)
);
CREATE INDEX activity_owner_person_idx ON activity_owner (person_id);
