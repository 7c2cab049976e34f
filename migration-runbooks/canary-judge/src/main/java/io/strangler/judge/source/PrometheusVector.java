package io.strangler.judge.source;

import io.strangler.judge.MetricSourceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * An instant vector as {@code /api/v1/query} answers it, checked field by field:
 * {@code {"status":"success","data":{"resultType":"vector","result":[{"metric":{..},"value":[t,"1.5"]}]}}}.
 */
final class PrometheusVector {

    record Element(Map<String, String> labels, double value) {
    }

    private final List<Element> elements;
    private final String what;

    private PrometheusVector(List<Element> elements, String what) {
        this.elements = elements;
        this.what = what;
    }

    /** @param what the query and server, for messages */
    static PrometheusVector of(JsonNode answer, String what) {
        String status = answer.path("status").asString("");
        if (!"success".equals(status)) {
            throw new MetricSourceException(what + " did not succeed: status '" + status + "', "
                    + answer.path("errorType").asString("") + " " + answer.path("error").asString(""));
        }
        JsonNode data = answer.path("data");
        String type = data.path("resultType").asString("");
        if (!"vector".equals(type)) {
            throw new MetricSourceException(what + ": expected data.resultType 'vector', got '" + type + "'");
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw new MetricSourceException(what + ": data.result must be an array, got " + result.getNodeType());
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            elements.add(element(what + ": data.result[" + i + "]", result.get(i)));
        }
        return new PrometheusVector(elements, what);
    }

    private static Element element(String where, JsonNode node) {
        JsonNode metric = node.path("metric");
        JsonNode value = node.path("value");
        if (!metric.isObject() || !value.isArray() || value.size() != 2 || !value.get(1).isString()) {
            throw new MetricSourceException(where + " must be {\"metric\":{...},\"value\":[time,\"number\"]}, got "
                    + JsonHttp.abbreviate(node.toString()));
        }
        Map<String, String> labels = new HashMap<>();
        metric.properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
        double number;
        try {
            number = Double.parseDouble(value.get(1).stringValue());
        } catch (NumberFormatException notANumber) {
            throw new MetricSourceException(where + ".value is not a number: " + value.get(1), notANumber);
        }
        if (!Double.isFinite(number) || number < 0) {
            throw new MetricSourceException(where + ".value must be a finite count >= 0, got " + number);
        }
        return new Element(Map.copyOf(labels), number);
    }

    /** @return value per value of {@code label}; every element must carry it */
    static Map<String, Double> byLabel(PrometheusVector vector, String label) {
        Map<String, Double> values = new HashMap<>();
        for (Element element : vector.elements) {
            values.merge(vector.label(element, label), element.value(), Double::sum);
        }
        return values;
    }

    /** @return cumulative count per bucket upper bound in seconds ({@code +Inf} included) of one backend */
    NavigableMap<Double, Double> histogram(String backend) {
        NavigableMap<Double, Double> cumulative = new TreeMap<>();
        for (Element element : elements) {
            if (backend.equals(label(element, "backend"))) {
                String le = label(element, "le");
                double bound;
                try {
                    // Prometheus spells infinity "+Inf", which Double.parseDouble does not read
                    bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                } catch (NumberFormatException notANumber) {
                    throw new MetricSourceException(what + ": bucket bound le='" + le + "' is not a number", notANumber);
                }
                cumulative.merge(bound, element.value(), Double::sum);
            }
        }
        return cumulative;
    }

    private String label(Element element, String label) {
        String value = element.labels().get(label);
        if (value == null) {
            throw new MetricSourceException(what + ": an element lacks the label '" + label + "': " + element.labels());
        }
        return value;
    }
}
