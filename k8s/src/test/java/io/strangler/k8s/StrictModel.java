package io.strangler.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;

/**
 * Binds rendered objects to the published models — fabric8's Kubernetes model for core kinds, Strimzi's {@code api}
 * for Strimzi kinds — and fails on any field the model does not know. Both models keep unknown fields in an
 * "additional properties" map (a Jackson any-setter) so that they never fail; here that is switched off, so a typo or a
 * field at the wrong level is an error that names it.
 */
final class StrictModel {

    /** apiVersion/kind -> model class. Kinds without a Java model are checked field by field elsewhere. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaConnect", KafkaConnect.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaConnector", KafkaConnector.class));

    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new NoUnknownFields())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictModel() {
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static boolean hasModel(JsonNode object) {
        return MODELS.containsKey(type(object));
    }

    /** The object bound to its model; an AssertionError naming the object and the field when it does not fit. */
    static <T> T bind(JsonNode object, Class<T> model) {
        try {
            return STRICT.treeToValue(object, model);
        } catch (Exception e) {
            throw new AssertionError(Rendered.describe(object) + " does not fit " + model.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    static Object bind(JsonNode object) {
        Class<?> model = MODELS.get(type(object));
        if (model == null) {
            throw new AssertionError("No model for " + type(object) + " (" + Rendered.describe(object) + ")");
        }
        return bind(object, model);
    }

    /** Jackson's introspector without any-setters and without {@code ignoreUnknown}. */
    private static final class NoUnknownFields extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
        }
    }
}
