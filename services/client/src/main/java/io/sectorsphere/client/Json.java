package io.sectorsphere.client;

import java.io.IOException;
import java.io.InputStream;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON answers, where fields a newer server adds are ignored so old clients keep working,
 * and writes request bodies without their null fields, which leave the server its defaults.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
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

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
