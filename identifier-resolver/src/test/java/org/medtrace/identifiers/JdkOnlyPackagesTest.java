// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chaincode depends on {@code org.medtrace.identifiers} and {@code org.medtrace.identifiers.codes}; they must use
 * the JDK only, so that the chaincode can exclude Jackson and Caffeine. Checked on the sources, import by import.
 */
class JdkOnlyPackagesTest {
    private static final Path MAIN = Path.of("src/main/java/org/medtrace/identifiers");

    @Test
    void identifier_and_codes_packages_import_only_the_jdk_and_each_other() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.list(MAIN), Files.list(MAIN.resolve("codes")))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            List<String> foreign = Files.readAllLines(source).stream()
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.replace("import static ", "").replace("import ", ""))
                    .filter(name -> !name.startsWith("java.") && !name.startsWith("org.medtrace.identifiers.Identifier")
                            && !name.startsWith("org.medtrace.identifiers.InvalidIdentifierException")
                            && !name.startsWith("org.medtrace.identifiers.PercentEncoding")
                            && !name.startsWith("org.medtrace.identifiers.codes."))
                    .collect(Collectors.toList());
            assertThat(foreign).as(source.toString()).isEmpty();
        }
    }
}
