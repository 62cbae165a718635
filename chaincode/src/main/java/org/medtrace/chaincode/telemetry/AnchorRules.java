// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.TemperatureSummary;
import org.medtrace.chaincode.api.telemetry.AnchorRequest;
import org.medtrace.chaincode.api.telemetry.AnchorsRequest;
import org.medtrace.chaincode.api.telemetry.ExcursionRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.State;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Holds;
import org.medtrace.chaincode.model.Anchor;
import org.medtrace.chaincode.model.Association;
import org.medtrace.chaincode.model.DataLogger;
import org.medtrace.chaincode.model.Excursion;
import org.medtrace.chaincode.model.Hold;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitStatus;

/** Anchors of reading windows, excursions, and the anchors read. */
final class AnchorRules {
    private AnchorRules() {
    }

    static Map<String, ?> anchor(final Tx tx, final AnchorRequest req) {
        tx.requireRole(Role.LOGGER, Role.LOGISTICS);
        DataLogger logger = Loggers.activeLogger(tx, req.loggerId());
        Loggers.requireOwner(tx, logger);
        tx.requireNotAhead("windowEnd", req.windowEnd());
        if (logger.lastWindowEnd() != null && req.windowStart().isBefore(logger.lastWindowEnd())) {
            throw Refusal.of(ErrorCode.ANCHOR_OUT_OF_ORDER, "logger " + logger.id() + " anchored up to "
                    + Json.instant(logger.lastWindowEnd()) + " already; the next window starts there or later, not at "
                    + Json.instant(req.windowStart()));
        }
        Anchor anchor = new Anchor(logger.id(), req.windowStart(), req.windowEnd(), req.merkleRoot(),
                req.readingCount(), req.summary(), tx.now());
        List<String> targets = Loggers.associations(tx, logger.id()).stream().map(Association::target).toList();
        ObjectNode details = Json.object().put("merkleRoot", anchor.merkleRoot())
                .put("readingCount", anchor.readingCount());
        details.set("summary", Json.tree(anchor.summary()));
        tx.event(EventDraft.OBJECT, "OBSERVE", "sensor_reporting", null).epcs(targets)
                .sensorElements(sensorElements(anchor, null)).details(details).record();
        tx.state().put(Keys.anchor(logger.id(), anchor.windowEnd()), anchor);
        tx.state().put(Keys.of(Keys.LOGGER, logger.id()), logger.anchored(req.windowStart(), req.windowEnd()));
        return Map.of("anchor", anchor);
    }

    /** EPCIS 2.0 sensor data: one element with the window's temperature statistics (and an alarm, if any). */
    private static ArrayNode sensorElements(final Anchor anchor, final Excursion excursion) {
        ObjectNode metadata = Json.object().put("deviceID", anchor != null ? anchor.logger() : excursion.logger());
        ObjectNode report = Json.object().put("type", "Temperature").put("uom", "CEL");
        if (anchor != null) {
            TemperatureSummary s = anchor.summary();
            metadata.put("startTime", Json.instant(anchor.windowStart()))
                    .put("endTime", Json.instant(anchor.windowEnd()));
            report.put("minValue", s.minCelsius()).put("maxValue", s.maxCelsius()).put("meanValue", s.meanCelsius());
        } else {
            metadata.put("startTime", Json.instant(excursion.startedAt()));
            if (excursion.endedAt() != null) {
                metadata.put("endTime", Json.instant(excursion.endedAt()));
            }
            if (excursion.peakCelsius() != null) {
                report.put("value", excursion.peakCelsius());
            }
            report.put("exception", "ALARM_CONDITION");
        }
        ArrayNode elements = Json.object().arrayNode();
        ObjectNode element = elements.addObject();
        element.set("sensorMetadata", metadata);
        element.putArray("sensorReport").add(report);
        return elements;
    }

    static Map<String, ?> excursion(final Tx tx, final ExcursionRequest req) {
        DataLogger logger = Loggers.activeLogger(tx, req.loggerId());
        Loggers.requireOwner(tx, logger);
        String key = Keys.of(Keys.EXCURSION, req.excursionId());
        if (tx.state().exists(key)) {
            throw Refusal.of(ErrorCode.EXCURSION_EXISTS, "excursion " + req.excursionId() + " was reported already");
        }
        Holds.requireUnused(tx, req.excursionId());
        tx.requireNotAhead("startedAt", req.startedAt());
        List<String> targets = Loggers.associations(tx, logger.id()).stream().map(Association::target).toList();
        List<Unit> held = new ArrayList<>();
        for (Unit node : Goods.trees(tx, Goods.units(tx, targets))) {
            if (node.status() == UnitStatus.ACTIVE || node.status() == UnitStatus.IN_TRANSIT) {
                held.add(node);
            }
        }
        String holdId = held.isEmpty() ? null : req.excursionId();
        Excursion excursion = new Excursion(req.excursionId(), logger.id(), req.kind(), req.startedAt(),
                req.endedAt(), req.minutes(), req.peakCelsius(), req.rule(), held.size(), holdId,
                tx.caller().msp(), tx.now());
        ObjectNode details = Json.object().put("excursionId", excursion.id()).put("kind", req.kind().wire())
                .put("minutes", req.minutes()).put("rule", req.rule());
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "holding", "non_conformant").epcs(targets)
                .hold(holdId).reason(Hold.REASON_TEMPERATURE_EXCURSION)
                .sensorElements(sensorElements(null, excursion)).details(details)
                .classes(Goods.productIds(held), Goods.batchIds(held)).record();
        if (holdId != null) {
            Holds.placeOnGoods(tx, holdId, Hold.REASON_TEMPERATURE_EXCURSION, targets, held, excursion.id(),
                    eventId);
        }
        tx.state().put(key, excursion);
        return Map.of("excursion", excursion);
    }

    /**
     * The anchors whose window overlaps [from, to), in window order. Keys sort by window end and windows do not
     * overlap, so the scan skips windows that end too early and stops at the first that starts too late. It reads
     * at most {@link Limits#ANCHOR_SCAN_MAX} entries a call and asks the peer for no more than the page still needs,
     * so the bookmark it returns never skips an anchor.
     */
    static Map<String, Object> anchors(final Tx tx, final AnchorsRequest req) {
        Loggers.logger(tx, req.loggerId());
        List<Anchor> found = new ArrayList<>();
        String bookmark = req.bookmark();
        int scanned = 0;
        while (found.size() < req.pageSize() && scanned < Limits.ANCHOR_SCAN_MAX) {
            int want = Math.min(req.pageSize() - found.size(), Limits.ANCHOR_SCAN_MAX - scanned);
            State.Page<Anchor> page = tx.state().page(Anchor.class, want, bookmark, Keys.ANCHOR, req.loggerId());
            scanned += page.fetched();
            for (Anchor anchor : page.records()) {
                if (req.to() != null && !anchor.windowStart().isBefore(req.to())) {
                    return Map.of("anchors", found, "bookmark", "");
                }
                if (req.from() == null || anchor.windowEnd().isAfter(req.from())) {
                    found.add(anchor);
                }
            }
            bookmark = page.bookmark();
            if (bookmark.isEmpty()) {
                break;
            }
        }
        return Map.of("anchors", found, "bookmark", bookmark);
    }
}
