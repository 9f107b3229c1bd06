package dev.mallard.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactJsonTest {
    @Test
    void aManifestHoldingAModelLargerThanJacksonsDefaultStringLimitReadsBack() throws Exception {
        String model = "select 1 as id\n" + "-- padding\n".repeat(2_000_000); // 22 MB, over Jackson's 20 MB
        String json = new ObjectMapper().writeValueAsString(Map.of("nodes", Map.of("model.p.big",
                Map.of("raw_code", model))));
        JsonNode doc = ArtifactJson.mapper().readTree(json);
        assertEquals(model.length(), doc.path("nodes").path("model.p.big").path("raw_code").asText().length());
    }
}
