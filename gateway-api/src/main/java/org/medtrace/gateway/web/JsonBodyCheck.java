// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.medtrace.gateway.errors.ApiException;

/**
 * The text rules of every JSON request body, before the body is bound to anything (a record or a JSON tree): the
 * bytes are valid UTF-8 (Jackson reads an overlong {@code C0 80} as NUL), and no string or member name holds a
 * control character ({@link Text#refusal}; tab, line feed and carriage return are allowed in string values). A
 * refusal is a 400 naming the field. Malformed JSON is left to the mapper, which reports it with its position.
 *
 * <p>An interceptor of the REST layer rather than a setting of the shared mapper, so that it judges what callers
 * send and never what the gateway reads from the ledger or its own database.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    private static final JsonFactory STREAMING = JsonFactory.builder().build();

    @Override
    public Object aroundReadFrom(final ReaderInterceptorContext context) throws IOException {
        final MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        final byte[] body = context.getInputStream().readAllBytes();
        check(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * @param body a JSON body
     * @throws ApiException 400 naming the field whose text is refused, or {@code body} for bytes that are not UTF-8
     */
    static void check(final byte[] body) {
        final int invalid = Text.invalidUtf8Offset(body);
        if (invalid >= 0) {
            throw ApiException.invalid("body", "is not valid UTF-8 (byte " + invalid + ")");
        }
        try (JsonParser p = STREAMING.createParser(body)) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    final Optional<String> refusal = Text.refusal(p.getText(), token == JsonToken.VALUE_STRING);
                    if (refusal.isPresent()) {
                        throw ApiException.invalid(JsonProblems.field(p), refusal.get());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // malformed: the mapper refuses it with its own position and reason
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory failed", e);
        }
    }
}
