package dev.mallard.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.common.ArtifactJson;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON artifacts of a previous run. */
final class StateFiles {
    static final ObjectMapper MAPPER = ArtifactJson.mapper();

    private StateFiles() {
    }

    static JsonNode readJson(Path file) {
        try {
            JsonNode doc = MAPPER.readTree(Files.readString(file));
            if (doc == null || !doc.isObject()) {
                throw new MallardException(ErrorCode.USAGE, "expected a JSON object", file.toString(), 0);
            }
            return doc;
        } catch (NoSuchFileException e) {
            throw new MallardException(ErrorCode.USAGE, "no such file", file.toString(), 0);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MallardException(ErrorCode.USAGE, "not valid JSON: " + e.getOriginalMessage(), file.toString(),
                    line);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.USAGE, "cannot read: " + e.getMessage(), file.toString(), 0);
        }
    }
}
