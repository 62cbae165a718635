// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What docs/chaincode-api.md, the contract between chaincode, dev peer and gateway, says the network must carry. */
record ChaincodeApiDoc(String channel, String chaincode, List<String> roles, Map<String, List<String>> rolesByMspId) {

    private static final Pattern NAME_ROW = Pattern.compile("^\\| ([a-z ()]+) \\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern ROLE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\|", Pattern.MULTILINE);
    private static final Pattern ORGANIZATION_ROW =
            Pattern.compile("^\\| `([A-Za-z]+MSP)` \\| ([a-z, -]+) \\|", Pattern.MULTILINE);

    static ChaincodeApiDoc load() {
        String doc = NetworkFiles.read(NetworkFiles.DOCS.resolve("chaincode-api.md"));
        String names = section(doc, "## Names", "## Identity, roles and membership");
        String identity = section(doc, "## Identity, roles and membership", "## Encoding");
        Map<String, String> nameRows = new LinkedHashMap<>();
        Matcher name = NAME_ROW.matcher(names);
        while (name.find()) {
            nameRows.put(name.group(1).trim(), name.group(2));
        }
        List<String> roles = ROLE_ROW.matcher(identity).results().map(m -> m.group(1)).toList();
        Map<String, List<String>> organizations = new LinkedHashMap<>();
        Matcher organization = ORGANIZATION_ROW.matcher(identity);
        while (organization.find()) {
            organizations.put(organization.group(1), List.of(organization.group(2).trim().split(",\\s*")));
        }
        if (roles.isEmpty() || organizations.isEmpty()) {
            throw new AssertionError("docs/chaincode-api.md no longer has the role and organisation tables");
        }
        return new ChaincodeApiDoc(required(nameRows, "channel (default)"), required(nameRows, "chaincode name"),
                roles, organizations);
    }

    private static String section(String doc, String from, String to) {
        int start = doc.indexOf(from);
        int end = doc.indexOf(to, start + 1);
        if (start < 0 || end < 0) {
            throw new AssertionError("docs/chaincode-api.md has no section '" + from + "' before '" + to + "'");
        }
        return doc.substring(start, end);
    }

    private static String required(Map<String, String> rows, String name) {
        String value = rows.get(name);
        if (value == null) {
            throw new AssertionError("docs/chaincode-api.md names no '" + name + "': " + rows);
        }
        return value;
    }
}
