package io.sectorsphere.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds rendered manifests to the fabric8 Kubernetes model and rejects anything the API server
 * would reject or silently drop: unknown fields, unknown kinds, and scalars of the wrong type.
 */
final class StrictManifests {

    /**
     * fabric8 model classes keep unknown fields in an {@code @JsonAnySetter} map, so a misspelled
     * field would bind without error. Ignoring that annotation makes Jackson fail on it instead.
     */
    private static final class WithoutAnySetters extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictManifests() {
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = YAMLMapper.builder()
                .annotationIntrospector(new WithoutAnySetters())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Kubernetes wants strings for env values, labels and annotations: 6100 or true unquoted is an error there.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Parses a multi-document YAML stream (as helm template prints it) into typed objects. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(bind(document));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("rendered output is not YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    private static HasMetadata bind(JsonNode document) {
        String identity = document.path("kind").asText("?") + " " + document.path("metadata").path("name").asText("?");
        KubernetesResource resource;
        try {
            resource = MAPPER.treeToValue(document, KubernetesResource.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(identity + " is not a valid Kubernetes object: " + e.getOriginalMessage()
                    + " at " + e.getPathReference(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(identity + " is not a valid Kubernetes object: " + e.getOriginalMessage(), e);
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata object)) {
            throw new IllegalArgumentException(identity + " (" + document.path("apiVersion").asText()
                    + ") is not a kind the Kubernetes model knows");
        }
        return object;
    }
}
