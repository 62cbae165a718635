-- SPDX-License-Identifier: Apache-2.0
-- The secondary node (org.medtrace.gateway.identifiers): the handle records it serves, and how far the automatic
-- registration of ledger-commissioned identifiers has followed the read model. Not part of the read model: a
-- projection rebuild leaves both tables alone (the registrar notices the rebuild and walks the events again).

CREATE TABLE handle_record (
    handle      TEXT COLLATE "C" PRIMARY KEY,  -- normalised: prefix upper case, suffix exactly as registered
    prefix      TEXT COLLATE "C" NOT NULL,
    values_json TEXT NOT NULL,                 -- {"values":[...]} in Handle.Net REST JSON, index order
    origin      TEXT NOT NULL CHECK (origin IN ('api', 'ledger')),  -- who created it
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX handle_record_prefix_idx ON handle_record (prefix);

CREATE TABLE handle_registration_cursor (
    id              INT PRIMARY KEY CHECK (id = 1),
    event_seq       BIGINT NOT NULL,           -- the last trace_event.seq the registrar has handled
    event_id        TEXT,                      -- that event's id; another event at that seq means a rebuild
    handles_written BIGINT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
INSERT INTO handle_registration_cursor VALUES (1, 0, NULL, 0, now());
