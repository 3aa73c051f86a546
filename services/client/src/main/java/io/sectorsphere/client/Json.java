package io.sectorsphere.client;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON answers; fields a newer server adds are ignored, so old clients keep working. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    static <T> T read(String what, InputStream body, Class<T> type) {
        try (body) {
            return MAPPER.readValue(body.readAllBytes(), type);
        } catch (IOException e) {
            throw new UnavailableException(what + ": the answer broke off: " + e.getMessage(), 0, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SectorException(what + ": unexpected answer: " + e.getMessage(), 0, e);
        }
    }

    static <T> T read(String what, InputStream body, TypeReference<T> type) {
        try (body) {
            return MAPPER.readValue(body.readAllBytes(), type);
        } catch (IOException e) {
            throw new UnavailableException(what + ": the answer broke off: " + e.getMessage(), 0, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SectorException(what + ": unexpected answer: " + e.getMessage(), 0, e);
        }
    }
}
