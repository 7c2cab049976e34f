package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

class StrictModelTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void shouldBindAKnownDeployment() throws Exception {
        Deployment d = (Deployment) StrictModel.bind(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  template:
                    spec:
                      containers:
                        - name: a
                          readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                """));
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()).isNotNull();
    }

    @Test
    void shouldRejectAMisspelledCoreField() throws Exception {
        JsonNode typo = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  template:
                    spec:
                      containers:
                        - name: a
                          readinesProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                """);
        assertThatThrownBy(() -> StrictModel.bind(typo)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Deployment/a").hasMessageContaining("readinesProbe");
    }

    @Test
    void shouldRejectAFieldAtTheWrongLevelOfAStrimziKind() throws Exception {
        JsonNode misplaced = yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  topicName: a.b
                  partitions: 3
                  retention.ms: 1000
                """);
        assertThatThrownBy(() -> StrictModel.bind(misplaced)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("KafkaTopic/t").hasMessageContaining("retention.ms");
    }

    @Test
    void shouldBindAStrimziTopic() throws Exception {
        KafkaTopic topic = (KafkaTopic) StrictModel.bind(yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: a.b, partitions: 3, replicas: 1, config: {retention.ms: "1000"}}
                """));
        assertThat(topic.getSpec().getPartitions()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAKindWithoutModel() throws Exception {
        JsonNode unknown = yaml("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}");
        assertThatThrownBy(() -> StrictModel.bind(unknown)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("No model for example.com/v1/Widget");
    }

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }
}
