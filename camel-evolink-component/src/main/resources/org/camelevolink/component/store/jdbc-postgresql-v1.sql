-- The EvoLink task store's tables, schema version 1 (PostgreSQL). ${prefix} is the table prefix option.
-- Created by JdbcTaskStore when absent; a newer version adds a file for version 2 and never edits this one.

CREATE TABLE ${prefix}schema (
    version     INTEGER NOT NULL,
    created_at  BIGINT  NOT NULL
);

-- One row per paid submit, keyed by its Idempotency-Key: two nodes inserting the same key make one row.
-- record is the TaskRecord as JSON; the other columns are what the store looks records up and leases them by.
CREATE TABLE ${prefix}tasks (
    idempotency_key  TEXT     PRIMARY KEY,
    task_id          TEXT,
    callback_token   TEXT,
    model            TEXT     NOT NULL,
    delivery         TEXT     NOT NULL,
    state            TEXT     NOT NULL,
    state_rank       SMALLINT NOT NULL,
    updated_at       BIGINT   NOT NULL,
    lease_owner      TEXT,
    lease_until      BIGINT   NOT NULL DEFAULT 0,
    read_requested   BOOLEAN  NOT NULL DEFAULT FALSE,
    format           INTEGER  NOT NULL,
    record           TEXT     NOT NULL
);

CREATE UNIQUE INDEX ${prefix}tasks_callback_token ON ${prefix}tasks (callback_token) WHERE callback_token IS NOT NULL;
CREATE INDEX ${prefix}tasks_task_id ON ${prefix}tasks (task_id) WHERE task_id IS NOT NULL;
-- what a node may claim: consumer tasks still waiting or not yet delivered, by lease expiry
CREATE INDEX ${prefix}tasks_claimable ON ${prefix}tasks (lease_until)
    WHERE delivery = 'CONSUMER' AND state IN ('WAITING', 'FINISHED');
CREATE INDEX ${prefix}tasks_lease_owner ON ${prefix}tasks (lease_owner) WHERE lease_owner IS NOT NULL;
CREATE INDEX ${prefix}tasks_undelivered ON ${prefix}tasks (state) WHERE state <> 'DELIVERED';
CREATE INDEX ${prefix}tasks_delivered ON ${prefix}tasks (updated_at) WHERE state = 'DELIVERED';

INSERT INTO ${prefix}schema (version, created_at) VALUES (1, ${now});
