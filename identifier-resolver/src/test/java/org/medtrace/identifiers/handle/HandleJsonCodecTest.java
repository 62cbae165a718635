// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.identifiers.Identifier;

class HandleJsonCodecTest {
    private final HandleJsonCodec codec = HandleJsonCodec.create();

    private static byte[] utf8(final String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Reading {
        @Test
        void reads_the_response_of_a_handle_net_server() {
            HandleResponse response = codec.readResponse(utf8("{'responseCode':1,'handle':'4263537/4000','values':["
                    + "{'index':100,'type':'HS_ADMIN','data':{'format':'admin','value':{'handle':'0.NA/4263537',"
                    + "'index':200,'permissions':'011111111111'}},'ttl':86400,'timestamp':'2000-04-10T22:41:46Z'},"
                    + "{'index':1,'type':'URL','data':{'format':'string','value':'http://www.handle.net/index.html'},"
                    + "'ttl':86400,'timestamp':'2001-11-21T16:21:35Z'}]}"));
            assertThat(response.code()).contains(HandleResponseCode.SUCCESS);
            assertThat(response.values()).hasSize(2);
            HandleValue admin = response.values().get(0);
            assertThat(admin.data()).isEqualTo(new ValueData.Admin(Identifier.parse("0.NA/4263537"), 200,
                    "011111111111"));
            assertThat(admin.timestamp()).isEqualTo(Instant.parse("2000-04-10T22:41:46Z"));
            assertThat(response.values().get(1).textOrNull()).isEqualTo("http://www.handle.net/index.html");
        }

        @Test
        void reads_site_data_with_servers_and_interfaces() {
            HandleValue site = codec.readValue("{\"index\":1,\"type\":\"HS_SITE\",\"data\":{\"format\":\"site\","
                    + "\"value\":{\"version\":1,\"protocolVersion\":\"2.10\",\"serialNumber\":3,\"primarySite\":true,"
                    + "\"multiPrimary\":false,\"attributes\":[{\"name\":\"desc\",\"value\":\"node\"}],\"servers\":"
                    + "[{\"serverId\":1,\"address\":\"10.0.0.7\",\"publicKey\":{\"format\":\"base64\",\"value\":\"AAEC\"},"
                    + "\"interfaces\":[{\"query\":true,\"admin\":true,\"protocol\":\"TCP\",\"port\":2641},"
                    + "{\"query\":true,\"admin\":false,\"protocol\":\"HTTP\",\"port\":8000}]}]}},\"ttl\":3600}");
            SiteInfo info = ((ValueData.Site) site.data()).site();
            assertThat(info.serialNumber()).isEqualTo(3);
            assertThat(info.servers().get(0).interfaces()).extracting(SiteInfo.Interface::protocol)
                    .containsExactly("TCP", "HTTP");
            assertThat(info.servers().get(0).publicKeyJson()).hasValue("{\"format\":\"base64\",\"value\":\"AAEC\"}");
            assertThat(site.ttl()).isEqualTo(Ttl.seconds(3600));
        }

        @Test
        void accepts_a_bare_string_as_data_an_absolute_ttl_and_value_permissions() {
            HandleValue value = codec.readValue("{\"index\":2000,\"type\":\"name\",\"data\":\"当归饮片\","
                    + "\"ttl\":\"2030-01-01T00:00:00Z\",\"permissions\":\"1100\"}");
            assertThat(value.textOrNull()).isEqualTo("当归饮片");
            assertThat(value.ttl()).isEqualTo(new Ttl.Absolute(Instant.parse("2030-01-01T00:00:00Z")));
            assertThat(value.permissions().publicRead()).isFalse();
            assertThat(value.timestamp()).isEqualTo(Instant.EPOCH);
        }

        @Test
        void reads_put_bodies_in_all_three_shapes() {
            String value = "{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"u\"}}";
            assertThat(codec.readValues(utf8("[" + value + "]"))).hasSize(1);
            assertThat(codec.readValues(utf8("{\"values\":[" + value + "]}"))).hasSize(1);
            assertThat(codec.readValues(utf8(value))).hasSize(1);
        }
    }

    @Nested
    class RoundTrips {
        @Test
        void writes_what_it_reads_for_every_format() {
            SiteInfo site = SiteInfo.ofRestServer("127.0.0.1", 8080, false, "MedTrace node");
            List<HandleValue> values = List.of(
                    HandleValue.text(1, "URL", "https://trace.example.cn/u/1").withTimestamp(Instant.parse(
                            "2025-03-01T08:00:00.123Z")),
                    HandleValue.of(2, "BLOB", new ValueData.Bytes(new byte[] {0, 1, (byte) 0xff}, false)),
                    HandleValue.of(3, "HASH", new ValueData.Bytes(new byte[] {(byte) 0xab, 0x10}, true)),
                    HandleValue.of(100, "HS_ADMIN", new ValueData.Admin(Identifier.parse("0.NA/88.118"), 200,
                            "011111110011")),
                    HandleValue.of(4, "HS_VLIST", new ValueData.ValueList(List.of(new ValueReference(
                            Identifier.parse("88.118/admins"), 300)))),
                    HandleValue.of(5, "HS_SITE", new ValueData.Site(site)).withTtl(Ttl.seconds(0)),
                    HandleValue.of(300, "HS_PUBKEY", new ValueData.Opaque("key", "{\"kty\":\"RSA\",\"n\":\"AQAB\"}"))
                            .withPermissions(new ValuePermissions(true, false, true, false)));
            HandleRecord record = new HandleRecord(Identifier.parse("88.118.8866/x"), values);
            HandleResponse back = codec.readResponse(codec.writeResponse(HandleResponse.of(record)));
            assertThat(back.values()).isEqualTo(record.values());
            assertThat(back.handle()).hasValue("88.118.8866/x");
            assertThat(values.get(0).timestamp()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
        }

        @Test
        void writes_the_default_permissions_and_a_missing_timestamp_as_handle_net_does_by_leaving_them_out() {
            String json = codec.writeValue(HandleValue.text(1, "URL", "u"));
            assertThat(json).isEqualTo("{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"u\"},"
                    + "\"ttl\":86400}");
        }

        @Test
        void writes_an_error_response_without_values() {
            String json = new String(codec.writeResponse(HandleResponse.error(HandleResponseCode.HANDLE_NOT_FOUND,
                    "88.1/x", "not here")), StandardCharsets.UTF_8);
            assertThat(json).isEqualTo("{\"responseCode\":100,\"handle\":\"88.1/x\",\"message\":\"not here\"}");
        }

        @Test
        void works_as_a_jackson_module_for_the_gateway() throws Exception {
            ObjectMapper mapper = new ObjectMapper().registerModule(HandleJsonCodec.jacksonModule());
            HandleValue value = HandleValue.text(2001, "batch", "B2024");
            assertThat(mapper.readValue(mapper.writeValueAsString(value), HandleValue.class)).isEqualTo(value);
            assertThatThrownBy(() -> mapper.readValue("{\"index\":0,\"type\":\"t\",\"data\":\"d\"}", HandleValue.class))
                    .isInstanceOf(JsonMappingException.class).hasMessageContaining("index must be 1 or more");
            assertThat(mapper.writeValueAsString(HandleResponse.error(HandleResponseCode.INVALID_HANDLE, null, null)))
                    .isEqualTo("{\"responseCode\":102}");
        }
    }

    @Nested
    class WhenMalformed {
        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', value = {
            "not json                                                                      | $",
            "''                                                                            | $",
            "[1]                                                                           | $",
            "{'handle':'a/b'}                                                              | $.responseCode",
            "{'responseCode':'1'}                                                          | $.responseCode",
            "{'responseCode':1,'responseCode':2}                                           | $",
            "{'responseCode':1} trailing                                                   | $",
            "{'responseCode':1,'values':{}}                                                | $.values",
            "{'responseCode':1,'values':[{'type':'URL','data':'u'}]}                       | $.values[0].index",
            "{'responseCode':1,'values':[{'index':1.5,'type':'URL','data':'u'}]}           | $.values[0].index",
            "{'responseCode':1,'values':[{'index':1,'data':'u'}]}                          | $.values[0].type",
            "{'responseCode':1,'values':[{'index':1,'type':'URL'}]}                        | $.values[0].data",
            "{'responseCode':1,'values':[{'index':1,'type':'URL','data':{'format':'string','value':7}}]} | $.values[0].data.value",
            "{'responseCode':1,'values':[{'index':1,'type':'B','data':{'format':'base64','value':'**'}}]} | $.values[0].data.value",
            "{'responseCode':1,'values':[{'index':1,'type':'B','data':{'format':'hex','value':'abc'}}]} | $.values[0].data.value",
            "{'responseCode':1,'values':[{'index':1,'type':'URL','data':'u','ttl':-5}]}    | $.values[0].ttl",
            "{'responseCode':1,'values':[{'index':1,'type':'URL','data':'u','timestamp':'yesterday'}]} | $.values[0].timestamp",
            "{'responseCode':1,'values':[{'index':1,'type':'URL','data':'u','permissions':'12'}]} | $.values[0].permissions",
            "{'responseCode':1,'values':[{'index':1,'type':'URL','data':'u'},{'index':1,'type':'X','data':'v'}]} | $.values[1].index",
            "{'responseCode':1,'values':[{'index':9,'type':'S','data':{'format':'site','value':{'servers':[{'address':'h','interfaces':[{'protocol':'HTTP','port':0}]}]}}}]} | $.values[0].data.value.servers[0].interfaces[0]",
            "{'responseCode':1,'values':[{'index':9,'type':'A','data':{'format':'admin','value':{'handle':'nohandle','index':1}}}]} | $.values[0].data.value.handle",
        })
        void names_the_path_of_the_problem(final String json, final String path) {
            assertThatThrownBy(() -> codec.readResponse(utf8(json)))
                    .isInstanceOfSatisfying(HandleJsonException.class, e -> assertThat(e.path()).isEqualTo(path));
        }
    }

    @Test
    void an_error_response_carries_code_and_message() {
        HandleResponse response = codec.readResponse(utf8("{'responseCode':100,'handle':'88.1/x','message':'gone'}"));
        assertThat(response.code()).contains(HandleResponseCode.HANDLE_NOT_FOUND);
        assertThat(response.message()).isEqualTo(Optional.of("gone"));
        assertThat(response.values()).isEmpty();
    }
}
