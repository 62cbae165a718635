// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medtrace.identifiers.InvalidIdentifierException;

/**
 * A GS1 Digital Link URI in uncompressed form: {@code https://<any host>[/<path prefix>]/<primary key AI>/<key>
 * [/<qualifier AI>/<value>...][?<AI>=<value>&...]}.
 *
 * <p>Primary keys and their path qualifiers, in the order the standard requires: (01) GTIN with (22), (10), (21);
 * (00) SSCC with none; (414) GLN with (254). Every other AI is a data attribute in the query string; query
 * parameters that are not AIs (such as {@code linkType}) are kept as {@link #otherParameters()}. Path and query
 * values are percent-decoded as UTF-8; building percent-encodes every character outside the URI unreserved set.
 * The GTIN may be given with 8, 12, 13 or 14 digits and is normalised to 14. The legacy short names ({@code gtin},
 * {@code cpv}, {@code lot}, {@code ser}, {@code sscc}, {@code gln}, {@code glnx}) are read but never written.
 * Compressed Digital Link URIs are recognised and rejected with a clear message.
 *
 * <pre>{@code
 * Gs1DigitalLink link = Gs1DigitalLink.parse("https://id.example.cn/01/06901234567892/10/B2024/21/SN%2F1?17=270600");
 * link.elements().serial();   // Optional[SN/1]
 * Gs1DigitalLink.of("https://id.example.cn", link.elements()).toUri();   // the same URI
 * }</pre>
 */
public final class Gs1DigitalLink {
    /** Longest URI accepted, in characters. */
    public static final int URI_LENGTH_MAX = 2048;

    private static final Map<String, List<String>> QUALIFIERS = Map.of(
            "01", List.of("22", "10", "21"), "00", List.of(), "414", List.of("254"));
    private static final List<String> PRIMARY_KEY_PREFERENCE = List.of("01", "00", "414");
    private static final Map<String, String> SHORT_NAMES = Map.of(
            "gtin", "01", "cpv", "22", "lot", "10", "ser", "21", "sscc", "00", "gln", "414", "glnx", "254");

    private final String base;
    private final Gs1ElementString elements;
    private final Map<String, String> otherParameters;

    private Gs1DigitalLink(final String base, final Gs1ElementString elements,
            final Map<String, String> otherParameters) {
        this.base = base;
        this.elements = elements;
        this.otherParameters = otherParameters;
    }

    /**
     * Parses a Digital Link URI, resolving two-digit years around the current year (UTC).
     *
     * @param uri the URI as scanned or typed
     * @return the parsed link
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code digitalLink...} or
     *     {@code ai(NN)}) naming what is wrong
     */
    public static Gs1DigitalLink parse(final String uri) {
        return parse(uri, Year.now(ZoneOffset.UTC).getValue());
    }

    /**
     * Parses a Digital Link URI. Equivalent to {@link #parse(String)} with an explicit reference year.
     *
     * @param text the URI as scanned or typed
     * @param referenceYear the year two-digit years are resolved around (see {@link Gs1Date})
     * @return the parsed link
     * @throws org.medtrace.identifiers.InvalidIdentifierException naming what is wrong
     */
    public static Gs1DigitalLink parse(final String text, final int referenceYear) {
        Objects.requireNonNull(text, "text");
        URI uri = checkedUri(text.strip());
        List<String> segments = pathSegments(uri, text);
        InvalidIdentifierException firstError = null;
        for (int i = 0; i < segments.size(); i++) {
            String ai = aiOfSegment(segments.get(i));
            if (!QUALIFIERS.containsKey(ai)) {
                continue;
            }
            try {
                List<Gs1Element> path = DigitalLinkPath.read(segments, i, QUALIFIERS.get(ai), referenceYear, text);
                String base = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
                        + (i == 0 ? "" : "/" + String.join("/", segments.subList(0, i)));
                return withQuery(base, path, uri.getRawQuery(), QUALIFIERS.get(ai), referenceYear, text);
            } catch (InvalidIdentifierException e) {
                firstError = firstError == null ? e : firstError;
            }
        }
        if (firstError != null) {
            throw firstError;
        }
        throw noPrimaryKey(text, segments);
    }

    private static URI checkedUri(final String text) {
        if (text.length() > URI_LENGTH_MAX) {
            throw CodeErrors.invalid(text, "digitalLink", "Digital Link is " + text.length()
                    + " characters long, at most " + URI_LENGTH_MAX + " are accepted");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw CodeErrors.invalid(text, "digitalLink", "'" + CodeErrors.show(text) + "' is not a valid URI: "
                    + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw CodeErrors.invalid(text, "digitalLink.scheme", "a GS1 Digital Link starts with https:// or http://");
        }
        if (uri.getHost() == null) {
            throw CodeErrors.invalid(text, "digitalLink.host", "Digital Link '" + CodeErrors.show(text)
                    + "' has no host name");
        }
        return uri;
    }

    private static List<String> pathSegments(final URI uri, final String text) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (segments.contains("")) {
            throw CodeErrors.invalid(text, "digitalLink.path", "Digital Link path has an empty segment ('//')");
        }
        return segments;
    }

    static String aiOfSegment(final String segment) {
        return SHORT_NAMES.getOrDefault(segment, segment);
    }

    private static InvalidIdentifierException noPrimaryKey(final String text, final List<String> segments) {
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (last.length() >= 10 && last.matches("[A-Za-z0-9_-]+")) {
            return CodeErrors.invalid(text, "digitalLink.path", "'" + CodeErrors.show(text) + "' looks like a"
                    + " compressed GS1 Digital Link; only the uncompressed form (/01/<GTIN>/...) is supported");
        }
        return CodeErrors.invalid(text, "digitalLink.path", "Digital Link '" + CodeErrors.show(text)
                + "' has no GS1 primary key in its path; expected /01/<GTIN>, /00/<SSCC> or /414/<GLN>");
    }

    private static Gs1DigitalLink withQuery(final String base, final List<Gs1Element> path, final String rawQuery,
            final List<String> qualifiers, final int referenceYear, final String text) {
        List<Gs1Element> all = new ArrayList<>(path);
        Map<String, String> others = new LinkedHashMap<>();
        String keyAi = path.get(0).ai().code();
        for (String parameter : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = DigitalLinkPath.decode(equals < 0 ? parameter : parameter.substring(0, equals), text);
            String value = equals < 0 ? "" : DigitalLinkPath.decode(parameter.substring(equals + 1), text);
            if (!CodeErrors.isDigits(name)) {
                others.put(name, value);
                continue;
            }
            if (name.equals(keyAi) || qualifiers.contains(name)) {
                throw CodeErrors.invalid(text, "ai(" + name + ")", "AI (" + name + ") belongs in the path of a"
                        + " Digital Link with primary key (" + keyAi + "), not in the query string");
            }
            all.add(Gs1Element.of(name, value, referenceYear));
        }
        return new Gs1DigitalLink(base, Gs1ElementString.of(all), Collections.unmodifiableMap(others));
    }

    /**
     * Builds a Digital Link. The primary key is (01) if present, else (00), else (414); its qualifiers go into the
     * path in the standard order; every other element goes into the query string in the order given.
     *
     * @param base {@code https://host[:port][/path prefix]}, any host; a trailing '/' is ignored
     * @param elements what the link carries
     * @return the link
     * @throws org.medtrace.identifiers.InvalidIdentifierException if the base is not an http(s) URI without query,
     *     or the elements have no primary key
     */
    public static Gs1DigitalLink of(final String base, final Gs1ElementString elements) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(elements, "elements");
        String trimmed = base.strip().replaceAll("/+$", "");
        URI uri = checkedUri(trimmed);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw CodeErrors.invalid(base, "digitalLink.base", "Digital Link base '" + CodeErrors.show(base)
                    + "' must not have a query or fragment");
        }
        String keyAi = PRIMARY_KEY_PREFERENCE.stream().filter(ai -> elements.value(ai).isPresent()).findFirst()
                .orElseThrow(() -> CodeErrors.invalid(elements.toHumanReadable(), "digitalLink.primaryKey",
                        "element string " + elements + " has no Digital Link primary key (01), (00) or (414)"));
        List<Gs1Element> ordered = new ArrayList<>();
        for (String ai : concat(keyAi, QUALIFIERS.get(keyAi))) {
            elements.elements().stream().filter(e -> e.ai().code().equals(ai)).forEach(ordered::add);
        }
        elements.elements().stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
        return new Gs1DigitalLink(trimmed, Gs1ElementString.of(ordered), Map.of());
    }

    private static List<String> concat(final String first, final List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** @return {@code scheme://authority[/path prefix]}, without trailing '/' */
    public String base() {
        return base;
    }

    /** @return the primary key, its qualifiers and the data attributes, in that order */
    public Gs1ElementString elements() {
        return elements;
    }

    /** @return query parameters that are not AIs, such as {@code linkType}, decoded, in URI order */
    public Map<String, String> otherParameters() {
        return otherParameters;
    }

    /** @return the GS1 key the link identifies, see {@link Gs1ElementString#traceKey()} */
    public Optional<Gs1Key> traceKey() {
        return elements.traceKey();
    }

    /** @return the URI in uncompressed form, percent-encoded */
    public String toUri() {
        List<Gs1Element> all = elements.elements();
        String keyAi = all.get(0).ai().code();
        List<String> qualifiers = QUALIFIERS.get(keyAi);
        StringBuilder out = new StringBuilder(base);
        List<String> query = new ArrayList<>();
        for (Gs1Element element : all) {
            String ai = element.ai().code();
            if (ai.equals(keyAi) || qualifiers.contains(ai)) {
                out.append('/').append(ai).append('/').append(DigitalLinkPath.encode(element.value()));
            } else {
                query.add(ai + "=" + DigitalLinkPath.encode(element.value()));
            }
        }
        otherParameters.forEach((name, value) ->
                query.add(DigitalLinkPath.encode(name) + "=" + DigitalLinkPath.encode(value)));
        if (!query.isEmpty()) {
            out.append('?').append(String.join("&", query));
        }
        return out.toString();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Gs1DigitalLink other && base.equals(other.base) && elements.equals(other.elements)
                && otherParameters.equals(other.otherParameters);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + elements.hashCode();
    }

    /** @return the URI */
    @Override
    public String toString() {
        return toUri();
    }
}
