package io.strangler.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The overlays a platform team applies, each rendered once per test JVM. */
final class Overlays {

    static final Path K8S = Kustomize.MODULE;

    private static List<Rendered> all;

    private Overlays() {
    }

    /** dev, prod, and prod with the optional Istio component. */
    static synchronized List<Rendered> all() {
        if (all == null) {
            all = List.of(Kustomize.render(K8S.resolve("overlays/dev")), Kustomize.render(K8S.resolve("overlays/prod")),
                    Kustomize.render(prodWithIstio()));
        }
        return all;
    }

    /** The rendered dev overlay. */
    static Rendered dev() {
        return all().stream().filter(Overlays::isDev).findFirst().orElseThrow();
    }

    static boolean isDev(Rendered overlay) {
        return overlay.toString().equals("dev");
    }

    /** A kustomization in target/ that adds components/istio to the prod overlay, as k8s/README.md describes. */
    private static Path prodWithIstio() {
        Path dir = K8S.resolve("target/kustomize/prod-with-istio");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - ../../../overlays/prod
                    components:
                      - ../../../components/istio
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
