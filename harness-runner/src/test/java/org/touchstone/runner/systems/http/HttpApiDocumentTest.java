package org.touchstone.runner.systems.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.systems.wire.HttpApi;

/** The OpenAPI document describes exactly the paths the client and {@code serve} use. */
class HttpApiDocumentTest {
    @Test
    void theOpenApiDocumentListsEveryPathOfTheApi() throws Exception {
        JsonNode api = new YAMLMapper().readTree(TestWorkers.repositoryRoot().resolve("docs/http-api.yaml").toFile());
        assertThat(api.path("openapi").asText()).startsWith("3.0");
        Set<String> paths = new TreeSet<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);
        String gallery = HttpApi.GALLERIES + "/{gallery}";
        assertThat(paths).containsExactlyInAnyOrder(HttpApi.SYSTEM, HttpApi.TEMPLATES, HttpApi.COMPARE, HttpApi.ANALYZE,
                HttpApi.GALLERIES, gallery, gallery + "/entries", gallery + "/finalize", gallery + "/search",
                gallery + "/insert", gallery + "/remove");
        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
    }
}
