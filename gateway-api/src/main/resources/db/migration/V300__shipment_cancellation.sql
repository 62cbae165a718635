-- SPDX-License-Identifier: Apache-2.0
-- A shipment its sender cancelled (custody:cancelShipment, CBV void_shipping): when, why, and the ledger proof.
ALTER TABLE shipment ADD COLUMN cancelled_at  TIMESTAMPTZ;
ALTER TABLE shipment ADD COLUMN cancel_reason TEXT;
ALTER TABLE shipment ADD COLUMN cancel_tx_id  TEXT;
ALTER TABLE shipment ADD COLUMN cancel_block  BIGINT;
