package io.strangler.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The images {@code ./mvnw -Pimages package} builds: {@code strangler/<artifactId>} of every reactor module whose
 * build lists the jib-maven-plugin (its configuration lives in the root pom's pluginManagement).
 */
final class BuiltImages {

    private BuiltImages() {
    }

    static Set<String> fromReactor(Path root) {
        Set<String> images = new TreeSet<>();
        collect(root, images);
        return images;
    }

    private static void collect(Path moduleDir, Set<String> images) {
        Element project = parse(moduleDir.resolve("pom.xml"));
        if (listsJib(project)) {
            images.add("strangler/" + text(project, "artifactId"));
        }
        for (Element modules : children(project, "modules")) {
            for (Element module : children(modules, "module")) {
                collect(moduleDir.resolve(module.getTextContent().trim()), images);
            }
        }
    }

    private static boolean listsJib(Element project) {
        for (Element build : children(project, "build")) {
            for (Element plugins : children(build, "plugins")) {
                for (Element plugin : children(plugins, "plugin")) {
                    if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
