-- SPDX-License-Identifier: Apache-2.0
-- The consortium's member registry as the ledger wrote it (member:register / member:update events): the entry is
-- the one the event carries, kept as written; the columns beside it are for lookups and for who changed it why.
CREATE TABLE member (
    msp            TEXT PRIMARY KEY,
    legal_name     TEXT NOT NULL,
    roles          TEXT[] NOT NULL,
    version        BIGINT NOT NULL,
    entry          JSONB NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT,
    updated_by_msp TEXT,
    reason         TEXT,
    tx_id          TEXT NOT NULL,
    block_number   BIGINT NOT NULL
);
