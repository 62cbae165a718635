// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.medtrace.identifiers.handle.HandleJsonCodec;

/**
 * Writes handle values in the gateway's JSON answers ({@link ResolvedIdentifier#values()}) in Handle.Net REST JSON,
 * through identifier-resolver's codec.
 */
@Singleton
public class HandleJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(final ObjectMapper mapper) {
        mapper.registerModule(HandleJsonCodec.jacksonModule());
    }
}
