// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.members.RoleGrants;

/**
 * Each logger's own credential: a bearer token {@code <credential id>.<secret>} with a 256-bit random secret, of
 * which only the SHA-256 is stored (a random secret that long needs no slow hash). The logger's organisation issues
 * it for a logger registered on the ledger; a logger revoked on the ledger, or a revoked credential, is refused.
 *
 * <p>Only the logger's owning organisation issues and revokes its credentials, and only through an identity that is
 * not itself a logger (a logger must not mint credentials for itself or its siblings). Another organisation is
 * answered as if the logger or credential did not exist (404), so it does not learn which loggers a competitor
 * runs; a regulator of another organisation, which sees every logger in its reads anyway, gets 403 saying why.
 */
@ApplicationScoped
public class LoggerCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHE_MAX = 100_000;
    private static final String LOGGER_ROLE = "logger";

    /** A verified credential, trusted until {@code validUntilNanos}. */
    private record Verified(byte[] secretSha256, LoggerRef logger, long validUntilNanos) {
    }

    /**
     * A freshly issued credential: the token is shown once and never stored.
     *
     * @param loggerId the logger
     * @param credentialId the credential's id (for revoking it)
     * @param token the bearer token the logger sends
     * @param issuedAt when
     */
    public record Issued(String loggerId, String credentialId, String token, Instant issuedAt) {
    }

    private final AgroalDataSource dataSource;
    private final RoleGrants grants;
    private final long cacheNanos;
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();

    /**
     * @param dataSource the database
     * @param config telemetry configuration
     * @param grants the role checks, for regulators
     */
    @Inject
    public LoggerCredentials(final AgroalDataSource dataSource, final TelemetryConfig config,
            final RoleGrants grants) {
        this.dataSource = dataSource;
        this.grants = grants;
        this.cacheNanos = TimeUnit.SECONDS.toNanos(config.ingest().credentialCacheSeconds());
    }

    /**
     * Issues a new credential for a logger of the caller's organisation (earlier ones stay valid until revoked).
     *
     * @param caller the caller
     * @param loggerId the logger's canonical identifier
     * @return the credential
     * @throws ApiException 404 for an unknown logger or another organisation's, 403 for a logger identity or a
     *     regulator of another organisation, 409 for a logger revoked on the ledger
     */
    public Issued issue(final Caller caller, final String loggerId) {
        Objects.requireNonNull(caller, "caller");
        final byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        final byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        final String credentialId = "lc" + HexFormat.of().formatHex(id);
        final String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        final Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            final LoggerRef logger = ownLogger(c, caller, loggerId);
            Jdbc.update(c, "INSERT INTO telemetry_credential (credential_id, logger_key, secret_sha256, issued_at,"
                    + " issued_by) VALUES (?, ?, ?, ?, ?)", credentialId, logger.key(), sha256(secretText), now,
                    caller.clientId());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the credential", e);
        }
        return new Issued(loggerId, credentialId, credentialId + "." + secretText, now);
    }

    /**
     * @param caller the caller
     * @param credentialId the credential
     * @return true if it was active
     * @throws ApiException 404 for an unknown credential or another organisation's, 403 for a logger identity or a
     *     regulator of another organisation
     */
    public boolean revoke(final Caller caller, final String credentialId) {
        try (Connection c = dataSource.getConnection()) {
            final Optional<String> owner = Jdbc.first(c, "SELECT t.owner_msp FROM telemetry_credential c JOIN"
                    + " telemetry_logger t USING (logger_key) WHERE c.credential_id = ?", rs -> rs.getString(1),
                    credentialId);
            ownerOnly(caller, owner, () -> ApiException.notFound("credential", credentialId),
                    "credential " + credentialId);
            cache.remove(credentialId);
            return Jdbc.update(c, "UPDATE telemetry_credential SET revoked_at = now() WHERE credential_id = ?"
                    + " AND revoked_at IS NULL", credentialId) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke the credential", e);
        }
    }

    /**
     * The logger's row of the caller's organisation, created on first use.
     *
     * @param c connection
     * @param caller the caller
     * @param loggerId canonical logger id
     * @return the logger
     * @throws SQLException on a database error
     */
    LoggerRef ownLogger(final Connection c, final Caller caller, final String loggerId) throws SQLException {
        final Optional<Object[]> registered = Jdbc.first(c, "SELECT owner, active FROM logger WHERE id = ?",
                rs -> new Object[] {rs.getString(1), rs.getBoolean(2)}, loggerId);
        final String notRegistered = "logger " + loggerId + " is not registered on the ledger (or not yet in the"
                + " read model)";
        ownerOnly(caller, registered.map(r -> (String) r[0]), () -> new ApiException(404, "LOGGER_NOT_FOUND",
                notRegistered, java.util.List.of()), "logger " + loggerId);
        if (!(Boolean) registered.get()[1]) {
            throw new ApiException(409, "LOGGER_REVOKED", "logger " + loggerId + " is revoked", java.util.List.of());
        }
        Jdbc.update(c, "INSERT INTO telemetry_logger (logger_id, owner_msp) VALUES (?, ?) ON CONFLICT (logger_id)"
                + " DO NOTHING", loggerId, (String) registered.get()[0]);
        return Jdbc.first(c, "SELECT logger_key, logger_id, owner_msp FROM telemetry_logger WHERE logger_id = ?",
                rs -> new LoggerRef(rs.getInt(1), rs.getString(2), rs.getString(3)), loggerId).orElseThrow();
    }

    /**
     * The credential rule: the owning organisation's non-logger identities only.
     *
     * @param caller the caller
     * @param owner the owning organisation, empty when there is no such logger or credential
     * @param notFound the 404 for "no such thing", also given to another organisation
     * @param what what is asked for, for the 403's message
     * @throws ApiException as documented on {@link #issue}
     */
    private void ownerOnly(final Caller caller, final Optional<String> owner,
            final java.util.function.Supplier<ApiException> notFound, final String what) {
        if (owner.isEmpty()) {
            throw notFound.get();
        }
        if (!owner.get().equals(caller.mspId())) {
            if (grants.holds(caller, Role.REGULATOR)) {
                throw ApiException.forbidden(what + " belongs to " + owner.get() + ": only its own organisation"
                        + " issues and revokes its credentials");
            }
            throw notFound.get();
        }
        if (LOGGER_ROLE.equals(caller.role())) {
            throw ApiException.forbidden("a logger identity (" + caller.clientId() + ") may not issue or revoke"
                    + " logger credentials; an identity of " + owner.get() + " that is not a logger does");
        }
    }

    /**
     * @param token the bearer token
     * @return the logger
     * @throws ApiException 401 for an unknown, malformed or revoked credential, 403 for a logger revoked on the ledger
     */
    LoggerRef authenticate(final String token) {
        final int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.length() > 200) {
            throw unauthenticated("send the logger's credential as Authorization: Bearer <credential id>.<secret>");
        }
        final String credentialId = token.substring(0, dot);
        final byte[] presented = sha256(token.substring(dot + 1));
        final Verified cached = cache.get(credentialId);
        if (cached != null && cached.validUntilNanos() - System.nanoTime() > 0) {
            if (MessageDigest.isEqual(cached.secretSha256(), presented)) {
                return cached.logger();
            }
            throw unauthenticated("the logger credential is not valid");
        }
        final Verified verified = lookUp(credentialId);
        if (verified == null || !MessageDigest.isEqual(verified.secretSha256(), presented)) {
            throw unauthenticated("the logger credential is not valid");
        }
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        cache.put(credentialId, verified);
        return verified.logger();
    }

    private Verified lookUp(final String credentialId) {
        try (Connection c = dataSource.getConnection()) {
            final Optional<Object[]> row = Jdbc.first(c, "SELECT c.secret_sha256, c.revoked_at IS NOT NULL,"
                    + " t.logger_key, t.logger_id, t.owner_msp, COALESCE(l.active, false) FROM telemetry_credential c"
                    + " JOIN telemetry_logger t USING (logger_key) LEFT JOIN logger l ON l.id = t.logger_id"
                    + " WHERE c.credential_id = ?", rs -> new Object[] {rs.getBytes(1), rs.getBoolean(2),
                        new LoggerRef(rs.getInt(3), rs.getString(4), rs.getString(5)), rs.getBoolean(6)},
                    credentialId);
            if (row.isEmpty() || (Boolean) row.get()[1]) {
                return null;
            }
            final LoggerRef logger = (LoggerRef) row.get()[2];
            if (!(Boolean) row.get()[3]) {
                throw new ApiException(403, "LOGGER_REVOKED", "logger " + logger.loggerId()
                        + " is revoked on the ledger; its readings are refused", java.util.List.of());
            }
            return new Verified((byte[]) row.get()[0], logger, System.nanoTime() + cacheNanos);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the logger credential", e);
        }
    }

    private static ApiException unauthenticated(final String message) {
        return new ApiException(401, "UNAUTHENTICATED", message, java.util.List.of());
    }

    static byte[] sha256(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
