-- SPDX-License-Identifier: Apache-2.0
-- Cold-chain telemetry (docs/telemetry.md): logger credentials, raw readings (never on the ledger), the windows
-- anchored on the ledger and the excursions raised. These are the gateway's own records, not a projection: a
-- read-model rebuild keeps them.

-- A logger the gateway ingests for: a small surrogate key for the readings table, the ingestion and window state.
CREATE TABLE telemetry_logger (
    logger_key       SERIAL PRIMARY KEY,
    logger_id        TEXT NOT NULL UNIQUE,
    owner_msp        TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    anchored_until   TIMESTAMPTZ,            -- readings before this lie in closed windows; later arrivals are late
    pending_from     TIMESTAMPTZ,            -- earliest reading not yet in a closed window
    evaluation       JSONB,                  -- the excursion rules' progress carried to the next window
    readings_stored  BIGINT NOT NULL DEFAULT 0,
    last_received_at TIMESTAMPTZ
);
CREATE INDEX telemetry_logger_pending_idx ON telemetry_logger (pending_from) WHERE pending_from IS NOT NULL;

-- A logger's credential: only the SHA-256 of its 256-bit random secret is kept.
CREATE TABLE telemetry_credential (
    credential_id TEXT PRIMARY KEY,
    logger_key    INT NOT NULL REFERENCES telemetry_logger,
    secret_sha256 BYTEA NOT NULL CHECK (length(secret_sha256) = 32),
    issued_at     TIMESTAMPTZ NOT NULL,
    issued_by     TEXT NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX telemetry_credential_logger_idx ON telemetry_credential (logger_key);

-- Deduplication: the sequence numbers stored per logger, as disjoint ranges [first_seq, last_seq]. Loggers number
-- their readings consecutively, so a logger needs a handful of rows however many readings it has, and the check does
-- not depend on the readings' partitions.
CREATE TABLE telemetry_seq_range (
    logger_key INT NOT NULL,
    first_seq  BIGINT NOT NULL,
    last_seq   BIGINT NOT NULL CHECK (last_seq >= first_seq),
    PRIMARY KEY (logger_key, first_seq)
);

-- Raw readings, partitioned by reading time, one partition per UTC day, created ahead of time by the gateway
-- (telemetry_reading_YYYYMMDD). The one index serves the window scans (logger, within one partition's day) and
-- the lookup of a reading by sequence number; it also backs the deduplication up: a second copy fails loudly.
CREATE TABLE telemetry_reading (
    logger_key   INT NOT NULL,
    seq          BIGINT NOT NULL,
    reading_time TIMESTAMPTZ NOT NULL,
    celsius      DOUBLE PRECISION NOT NULL,
    humidity     REAL,
    battery      REAL,
    door_open    BOOLEAN,
    late         BOOLEAN NOT NULL,           -- arrived after its window closed: stored, not anchored
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (logger_key, seq, reading_time)
) PARTITION BY RANGE (reading_time);

-- A closed window: its Merkle root and summary, and the ledger transaction that anchored them.
CREATE TABLE telemetry_window (
    logger_key    INT NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    window_end    TIMESTAMPTZ NOT NULL,
    reading_count INT NOT NULL,
    first_seq     BIGINT NOT NULL,
    last_seq      BIGINT NOT NULL,
    merkle_root   TEXT NOT NULL,
    summary       JSONB NOT NULL,
    closed_at     TIMESTAMPTZ NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'anchored', 'refused')),
    tx_id         TEXT,
    block_number  BIGINT,
    error         TEXT,
    PRIMARY KEY (logger_key, window_end),
    CHECK (window_end > window_start)
);
CREATE INDEX telemetry_window_pending_idx ON telemetry_window (logger_key, window_end) WHERE status = 'pending';

-- An excursion a rule raised, and the ledger transaction that held the goods.
CREATE TABLE telemetry_excursion (
    excursion_id TEXT PRIMARY KEY,
    logger_key   INT NOT NULL,
    rule         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,
    minutes      INT NOT NULL,
    peak_celsius DOUBLE PRECISION,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'recorded', 'refused')),
    tx_id        TEXT,
    block_number BIGINT,
    error        TEXT
);
CREATE INDEX telemetry_excursion_logger_idx ON telemetry_excursion (logger_key, started_at);
CREATE INDEX telemetry_excursion_pending_idx ON telemetry_excursion (logger_key) WHERE status = 'pending';
