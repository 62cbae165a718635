-- SPDX-License-Identifier: Apache-2.0
-- The read model: a projection of the chaincode events (medtrace.events). Every fact carries its ledger proof
-- (tx_id, block_number). Everything except alert and projection_checkpoint is rebuilt from block 0 by a rebuild.

CREATE TABLE projection_checkpoint (
    id               INT PRIMARY KEY CHECK (id = 1),
    block_number     BIGINT      NOT NULL,   -- the block to resume at
    tx_id            TEXT,                   -- the last transaction projected in that block, if any
    events_projected BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
INSERT INTO projection_checkpoint VALUES (1, 0, NULL, 0, now());

CREATE TABLE product (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    name            TEXT,
    mah             TEXT NOT NULL,
    product_code    TEXT,
    gtin            TEXT,
    record          JSONB NOT NULL,          -- master data as registered (ilmd)
    registered_at   TIMESTAMPTZ NOT NULL,
    tx_id           TEXT NOT NULL,
    block_number    BIGINT NOT NULL
);
CREATE INDEX product_code_idx ON product (product_code);
CREATE INDEX product_gtin_idx ON product (gtin);

CREATE TABLE batch (
    id              TEXT PRIMARY KEY,
    product_id      TEXT NOT NULL,
    batch_number    TEXT,
    production_date DATE,
    expiry_date     DATE,
    mah             TEXT NOT NULL,
    record          JSONB NOT NULL,          -- batch record incl. herbal origin (ilmd)
    lot_release     JSONB,
    lot_release_tx_id TEXT,
    lot_release_block BIGINT,
    registered_at   TIMESTAMPTZ NOT NULL,
    tx_id           TEXT NOT NULL,
    block_number    BIGINT NOT NULL
);
CREATE INDEX batch_product_idx ON batch (product_id);
CREATE INDEX batch_number_idx ON batch (batch_number);

CREATE TABLE unit (
    code            TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,           -- unit | container
    product_id      TEXT,
    batch_id        TEXT,
    package_level   INT,
    container_type  TEXT,
    status          TEXT NOT NULL,
    custodian       TEXT NOT NULL,
    location        TEXT,
    shipment_id     TEXT,
    quantity        NUMERIC,
    uom             TEXT,
    commissioned_at TIMESTAMPTZ NOT NULL,
    commission_tx_id TEXT NOT NULL,
    commission_block BIGINT NOT NULL,
    ended_at        TIMESTAMPTZ,             -- dispensed, destroyed, decommissioned or consumed
    ended_by        TEXT,
    end_kind        TEXT,
    end_tx_id       TEXT,
    end_block       BIGINT,
    updated_block   BIGINT NOT NULL
);
CREATE INDEX unit_batch_status_idx ON unit (batch_id, status, custodian);
CREATE INDEX unit_custodian_idx ON unit (custodian, status);
CREATE INDEX unit_shipment_idx ON unit (shipment_id) WHERE shipment_id IS NOT NULL;

-- Every EPCIS-shaped event of the ledger; custody steps are the events with custody bizSteps.
CREATE TABLE trace_event (
    seq              BIGSERIAL PRIMARY KEY,  -- projection order = ledger order
    event_id         TEXT NOT NULL UNIQUE,
    tx_id            TEXT NOT NULL,
    block_number     BIGINT NOT NULL,
    type             TEXT NOT NULL,
    action           TEXT,
    biz_step         TEXT,
    disposition      TEXT,
    event_time       TIMESTAMPTZ NOT NULL,
    record_time      TIMESTAMPTZ,
    transaction_name TEXT,
    actor_msp        TEXT,
    actor_role       TEXT,
    source_msp       TEXT,
    destination_msp  TEXT,
    read_point       TEXT,
    biz_location     TEXT,
    shipment_id      TEXT,
    recall_id        TEXT,
    hold_id          TEXT,
    transformation_id TEXT,
    reason           TEXT,
    payload          JSONB NOT NULL
);
CREATE INDEX trace_event_time_idx ON trace_event (event_time, seq);
CREATE INDEX trace_event_step_time_idx ON trace_event (biz_step, event_time, seq);
CREATE INDEX trace_event_actor_time_idx ON trace_event (actor_msp, event_time, seq);
CREATE INDEX trace_event_source_idx ON trace_event (source_msp, event_time) WHERE source_msp IS NOT NULL;
CREATE INDEX trace_event_destination_idx ON trace_event (destination_msp, event_time) WHERE destination_msp IS NOT NULL;
CREATE INDEX trace_event_tx_idx ON trace_event (tx_id);
CREATE INDEX trace_event_shipment_idx ON trace_event (shipment_id) WHERE shipment_id IS NOT NULL;

-- Which units an event concerns: named directly (via IS NULL) or through the container it named (via).
CREATE TABLE trace_event_unit (
    code      TEXT NOT NULL,
    event_seq BIGINT NOT NULL,
    via       TEXT,
    PRIMARY KEY (code, event_seq)
);
CREATE INDEX trace_event_unit_seq_idx ON trace_event_unit (event_seq);

CREATE TABLE trace_event_batch (
    batch_id  TEXT NOT NULL,
    event_seq BIGINT NOT NULL,
    PRIMARY KEY (batch_id, event_seq)
);
CREATE TABLE trace_event_product (
    product_id TEXT NOT NULL,
    event_seq  BIGINT NOT NULL,
    PRIMARY KEY (product_id, event_seq)
);

-- Aggregation over time: an edge lives from its packing event to its unpacking event.
CREATE TABLE aggregation_edge (
    id            BIGSERIAL PRIMARY KEY,
    parent        TEXT NOT NULL,
    child         TEXT NOT NULL,
    valid_from    TIMESTAMPTZ NOT NULL,
    valid_to      TIMESTAMPTZ,
    pack_tx_id    TEXT NOT NULL,
    pack_block    BIGINT NOT NULL,
    unpack_tx_id  TEXT,
    unpack_block  BIGINT
);
CREATE INDEX aggregation_child_idx ON aggregation_edge (child, valid_from);
CREATE INDEX aggregation_parent_idx ON aggregation_edge (parent, valid_from);
-- Invariant: a child is in at most one parent at a time.
CREATE UNIQUE INDEX aggregation_live_child_idx ON aggregation_edge (child) WHERE valid_to IS NULL;

CREATE TABLE shipment (
    id               TEXT PRIMARY KEY,
    from_msp         TEXT NOT NULL,
    to_msp           TEXT NOT NULL,
    destination      TEXT,
    is_return        BOOLEAN NOT NULL,
    status           TEXT NOT NULL,
    shipped_at       TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ,
    ship_tx_id       TEXT NOT NULL,
    ship_block       BIGINT NOT NULL,
    receive_tx_id    TEXT,
    receive_block    BIGINT
);
CREATE INDEX shipment_to_idx ON shipment (to_msp, status);
CREATE TABLE shipment_logger (
    shipment_id TEXT NOT NULL,
    logger_id   TEXT NOT NULL,
    PRIMARY KEY (shipment_id, logger_id)
);

CREATE TABLE transformation (
    id                TEXT PRIMARY KEY,
    processing_method TEXT,
    actor_msp         TEXT NOT NULL,
    event_time        TIMESTAMPTZ NOT NULL,
    tx_id             TEXT NOT NULL,
    block_number      BIGINT NOT NULL
);
CREATE TABLE transformation_input (
    transformation_id TEXT NOT NULL,
    code              TEXT,
    batch_id          TEXT,
    quantity          NUMERIC,
    uom               TEXT
);
CREATE INDEX transformation_input_idx ON transformation_input (transformation_id);
CREATE INDEX transformation_input_batch_idx ON transformation_input (batch_id);
CREATE TABLE transformation_output (
    transformation_id TEXT NOT NULL,
    batch_id          TEXT NOT NULL,
    quantity          NUMERIC,
    uom               TEXT
);
CREATE INDEX transformation_output_idx ON transformation_output (transformation_id);
CREATE INDEX transformation_output_batch_idx ON transformation_output (batch_id);

CREATE TABLE hold (
    id            TEXT PRIMARY KEY,
    reason        TEXT,
    placed_by     TEXT NOT NULL,
    placed_at     TIMESTAMPTZ NOT NULL,
    place_tx_id   TEXT NOT NULL,
    place_block   BIGINT NOT NULL,
    released_at   TIMESTAMPTZ,
    released_by   TEXT,
    release_tx_id TEXT,
    release_block BIGINT
);
CREATE TABLE hold_unit (
    hold_id TEXT NOT NULL,
    code    TEXT NOT NULL,
    PRIMARY KEY (hold_id, code)
);
CREATE INDEX hold_unit_code_idx ON hold_unit (code);
CREATE TABLE hold_batch (
    hold_id  TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    PRIMARY KEY (hold_id, batch_id)
);
CREATE INDEX hold_batch_batch_idx ON hold_batch (batch_id);

CREATE TABLE recall (
    id           TEXT PRIMARY KEY,
    level        TEXT NOT NULL,
    reason       TEXT,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    tx_id        TEXT NOT NULL,
    block_number BIGINT NOT NULL
);
CREATE TABLE recall_batch (
    recall_id TEXT NOT NULL,
    batch_id  TEXT NOT NULL,
    PRIMARY KEY (recall_id, batch_id)
);
CREATE INDEX recall_batch_batch_idx ON recall_batch (batch_id);

CREATE TABLE logger (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL,
    model         TEXT,
    active        BOOLEAN NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    tx_id         TEXT NOT NULL,
    block_number  BIGINT NOT NULL
);
CREATE TABLE logger_association (
    id           BIGSERIAL PRIMARY KEY,
    logger_id    TEXT NOT NULL,
    target       TEXT NOT NULL,
    valid_from   TIMESTAMPTZ NOT NULL,
    valid_to     TIMESTAMPTZ,
    tx_id        TEXT NOT NULL,
    block_number BIGINT NOT NULL
);
CREATE INDEX logger_association_target_idx ON logger_association (target, valid_from);
CREATE INDEX logger_association_logger_idx ON logger_association (logger_id) WHERE valid_to IS NULL;

CREATE TABLE telemetry_anchor (
    logger_id     TEXT NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    window_end    TIMESTAMPTZ NOT NULL,
    merkle_root   TEXT NOT NULL,
    reading_count INT NOT NULL,
    min_celsius   NUMERIC,
    max_celsius   NUMERIC,
    mean_celsius  NUMERIC,
    mkt_celsius   NUMERIC,
    minutes_above NUMERIC,
    minutes_below NUMERIC,
    summary       JSONB NOT NULL,
    tx_id         TEXT NOT NULL,
    block_number  BIGINT NOT NULL,
    PRIMARY KEY (logger_id, window_end)
);
CREATE INDEX telemetry_anchor_window_idx ON telemetry_anchor (logger_id, window_start);

CREATE TABLE excursion (
    id           TEXT PRIMARY KEY,
    logger_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    minutes      NUMERIC,
    peak_celsius NUMERIC,
    tx_id        TEXT NOT NULL,
    block_number BIGINT NOT NULL
);
CREATE INDEX excursion_logger_idx ON excursion (logger_id, started_at);

-- Alerts are the gateway's own observations (a refused second dispense, a scan after destruction), not ledger
-- facts: a rebuild keeps them. They point at the ledger proof of the fact they contradict.
CREATE TABLE alert (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL,
    code            TEXT NOT NULL,
    batch_id        TEXT,
    product_id      TEXT,
    observed_at     TIMESTAMPTZ NOT NULL,
    observed_by_msp TEXT NOT NULL,
    client_id       TEXT NOT NULL,
    detail          TEXT NOT NULL,
    prior_tx_id     TEXT,
    prior_block     BIGINT
);
CREATE INDEX alert_observed_idx ON alert (observed_at, id);
CREATE INDEX alert_kind_idx ON alert (kind, observed_at);
CREATE INDEX alert_code_idx ON alert (code);
