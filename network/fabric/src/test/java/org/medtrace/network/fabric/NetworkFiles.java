// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Where the module's files are, and how to read the YAML ones. */
final class NetworkFiles {

    /** The module directory: surefire and failsafe run tests there. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path CONFIG = MODULE.resolve("config");
    static final Path SCRIPTS = MODULE.resolve("scripts");
    static final Path BUILDER = MODULE.resolve("builders/ccaas/bin");
    static final Path COMPOSE = MODULE.resolve("compose/compose.yaml");
    static final Path DOCS = MODULE.resolve("../../docs").normalize();
    static final Path TARGET = MODULE.resolve("target");

    private NetworkFiles() {}

    /** Reads a YAML mapping; SnakeYAML resolves anchors and merge keys as Fabric's parser does. */
    static Map<String, Object> yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(options).load(reader);
            if (document == null) {
                throw new IllegalStateException(file + " is empty");
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh directory under target/ for one test. */
    static Path scratch(String name) {
        try {
            Files.createDirectories(TARGET);
            return Files.createTempDirectory(TARGET, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
