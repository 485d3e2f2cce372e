package org.touchstone.runformat.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Attribute;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runformat.json.JsonFormatException;
import org.touchstone.runformat.runjson.ArtifactBlock;
import org.touchstone.runformat.runjson.RunJsonFile;

class DescriptorJsonTest {
    /** Every field set, an unbounded bound, a vendor attribute, two capabilities' thresholds. */
    static final SystemDescriptor FULL = SystemDescriptor.builder("acme-fr").vendor("Acme").name("Acme FR")
            .version("2.1").description("a \"test\" system")
            .capabilities(Capability.VERIFICATION, Capability.ANALYSIS)
            .scoreRange(new ScoreRange(0, Double.POSITIVE_INFINITY))
            .threshold(new OperatingThreshold("default", Capability.VERIFICATION, 0.5, "general use"))
            .threshold(new OperatingThreshold("sure", Capability.ANALYSIS, 0.9, ""))
            .attributes(Attribute.AGE, Attribute.vendor("mood", Attribute.Kind.CATEGORICAL, List.of("calm", "cross")))
            .concurrency(Concurrency.ONE_INSTANCE_PER_THREAD).property("model", "v7").property("gpu", "none").build();

    @Test
    void theWireFormIsWhatTheWorkerProtocolAndTheHttpApiExchanged() {
        // The bytes the harness sent before the codec moved here (WireJson.descriptor of the same descriptor).
        assertThat(DescriptorJson.toJson(FULL).toString()).isEqualTo("{\"id\":\"acme-fr\",\"vendor\":\"Acme\","
                + "\"name\":\"Acme FR\",\"version\":\"2.1\",\"description\":\"a \\\"test\\\" system\","
                + "\"api_version\":\"1.0.0\",\"capabilities\":[\"verification\",\"analysis\"],"
                + "\"score_range\":{\"min\":0.0,\"max\":null},\"thresholds\":[{\"name\":\"default\","
                + "\"capability\":\"verification\",\"value\":0.5,\"description\":\"general use\"},{\"name\":\"sure\","
                + "\"capability\":\"analysis\",\"value\":0.9,\"description\":\"\"}],\"attributes\":[{\"name\":\"age\"},"
                + "{\"name\":\"x-mood\",\"kind\":\"categorical\",\"labels\":[\"calm\",\"cross\"]}],"
                + "\"concurrency\":\"one_instance_per_thread\",\"properties\":{\"model\":\"v7\",\"gpu\":\"none\"}}");
    }

    @Test
    void theWireFormReadsBackToAnEqualDescriptor() throws JsonFormatException {
        SystemDescriptor back = DescriptorJson.fromJson(DescriptorJson.toJson(FULL));
        assertThat(DescriptorJson.toJson(back)).isEqualTo(DescriptorJson.toJson(FULL));
        assertThat(back.scoreRange().orElseThrow().max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.attributes().get(1).kind()).isEqualTo(Attribute.Kind.CATEGORICAL);
        assertThat(back.attributes().get(1).labels()).containsExactly("calm", "cross");
        assertThat(back.properties()).containsExactly(java.util.Map.entry("model", "v7"),
                java.util.Map.entry("gpu", "none"));
    }

    @Test
    void theLeastDescriptorTakesTheSpisDefaults() throws Exception {
        SystemDescriptor least = DescriptorJson.fromJson(new ObjectMapper().readTree("{\"id\": \"x\", \"vendor\": \"V\","
                + " \"name\": \"N\", \"version\": \"1\", \"capabilities\": [\"analysis\"], \"attributes\": [{\"name\":"
                + " \"smile\"}], \"score_range\": {\"min\": \"-Infinity\", \"max\": 1}}"));
        assertThat(least.concurrency()).isEqualTo(Concurrency.THREAD_SAFE);
        assertThat(least.description()).isEmpty();
        assertThat(least.scoreRange().orElseThrow().min()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aBadDescriptorNamesTheFieldAtFault() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> DescriptorJson.fromJson(json.readTree("{\"vendor\": \"V\"}")))
                .isInstanceOf(JsonFormatException.class).hasMessage("'id' must be a string (missing)");
        assertThatThrownBy(() -> DescriptorJson.fromJson(json.readTree("{\"id\": \"x\", \"capabilities\": [\"1:1\"]}")))
                .hasMessage("capabilities: unknown value '1:1', expected one of [verification, identification,"
                        + " analysis]");
        assertThatThrownBy(() -> DescriptorJson.fromJson(json.readTree("{\"id\": \"x\", \"capabilities\":"
                + " [\"verification\"]}"))).hasMessageStartingWith("invalid system descriptor: incomplete system"
                + " descriptor for 'x': vendor is missing; name is missing; version is missing");
        assertThatThrownBy(() -> DescriptorJson.fromJson(json.readTree("[]")))
                .hasMessage("the descriptor must be a JSON object");
    }

    @Test
    void theWireFormHasOnlyTheFieldsOfTheHttpApisDescriptorSchema() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("docs/http-api.yaml"))) {
            root = root.getParent();
        }
        JsonNode schema = new YAMLMapper().readTree(root.resolve("docs/http-api.yaml").toFile())
                .path("components").path("schemas").path("Descriptor");
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        ObjectNode wire = DescriptorJson.toJson(FULL);
        Set<String> written = new TreeSet<>();
        wire.fieldNames().forEachRemaining(written::add);
        assertThat(written).isEqualTo(documented);
        schema.path("required").forEach(field -> assertThat(wire.hasNonNull(field.asText())).isTrue());
        Set<String> thresholdFields = new TreeSet<>();
        schema.path("properties").path("thresholds").path("items").path("properties").fieldNames()
                .forEachRemaining(thresholdFields::add);
        Set<String> writtenThreshold = new TreeSet<>();
        wire.path("thresholds").path(0).fieldNames().forEachRemaining(writtenThreshold::add);
        assertThat(writtenThreshold).isEqualTo(thresholdFields);
    }

    @Test
    void theRunRecordIsRunJsonsSystemBlockAsFormatOneHasIt() {
        // The bytes run.json's system block had before the codec moved here (RunJson.describeSystem).
        assertThat(RunJsonFile.tree(DescriptorJson.toRunRecord(FULL, new ArtifactBlock("/opt/acme.jar", "ab"), null))
                .toString()).isEqualTo("{\"id\":\"acme-fr\",\"vendor\":\"Acme\",\"name\":\"Acme FR\",\"version\":\"2.1\","
                + "\"description\":\"a \\\"test\\\" system\",\"api_version\":\"1.0.0\",\"capabilities\":[\"verification\","
                + "\"analysis\"],\"score_range\":{\"min\":0.0,\"max\":\"Infinity\"},\"concurrency\":"
                + "\"one_instance_per_thread\",\"thresholds\":[{\"name\":\"default\",\"value\":0.5,\"source\":\"vendor\","
                + "\"capability\":\"verification\",\"description\":\"general use\"},{\"name\":\"sure\",\"value\":0.9,"
                + "\"source\":\"vendor\",\"capability\":\"analysis\",\"description\":\"\"}],\"attributes\":[\"age\","
                + "\"x-mood\"],\"properties\":{\"model\":\"v7\",\"gpu\":\"none\"},\"artifact\":{\"location\":"
                + "\"/opt/acme.jar\",\"sha256\":\"ab\"}}");
    }
}
