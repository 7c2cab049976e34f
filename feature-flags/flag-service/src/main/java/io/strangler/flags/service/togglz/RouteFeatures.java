package io.strangler.flags.service.togglz;

import io.strangler.flags.service.route.RouteStore;
import io.strangler.flags.service.route.RoutesProperties;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.togglz.core.Feature;
import org.togglz.core.metadata.FeatureGroup;
import org.togglz.core.metadata.FeatureMetaData;
import org.togglz.core.metadata.SimpleFeatureGroup;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.spi.FeatureProvider;
import org.togglz.core.util.NamedFeature;

/** One Togglz feature per declared route, named by the route id, in the group "Routes". */
class RouteFeatures implements FeatureProvider {

    private final RoutesProperties routes;
    private final FeatureGroup group = new SimpleFeatureGroup("Routes") {
        @Override
        public boolean contains(Feature feature) {
            return routes.find(feature.name()).isPresent();
        }
    };

    private final RouteStore store;

    RouteFeatures(RoutesProperties routes, RouteStore store) {
        this.routes = routes;
        this.store = store;
    }

    @Override
    public Set<Feature> getFeatures() {
        Set<Feature> features = new LinkedHashSet<>();
        routes.routes().forEach(route -> features.add(new NamedFeature(route.id())));
        return features;
    }

    @Override
    public FeatureMetaData getMetaData(Feature feature) {
        return routes.find(feature.name()).map(route -> (FeatureMetaData) new FeatureMetaData() {
            @Override
            public String getLabel() {
                return route.description().isEmpty() ? route.id() : route.id() + ": " + route.description();
            }

            @Override
            public FeatureState getDefaultFeatureState() {
                // the stored state is the only truth: a Togglz "default" that differs would be written back
                // wherever Togglz applies defaults (its Spring test listener resets features before each test)
                return store.featureState(route.id());
            }

            @Override
            public Set<FeatureGroup> getGroups() {
                return Set.of(group);
            }

            @Override
            public Map<String, String> getAttributes() {
                return Map.of();
            }
        }).orElse(null);
    }
}
