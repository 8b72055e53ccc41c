package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the README tells a user, what the reactor publishes and what this project proves must be the
 * same thing: the README's snippets are this project's code, the BOM manages exactly the published
 * modules, and every published artifact was installed with its sources, javadoc and module name.
 */
class DocsAgreeWithTheBuildTest {

    private static final Path ROOT = Path.of(System.getProperty("smppex.root", "../..")).toAbsolutePath().normalize();
    private static final Path HERE = ROOT.resolve("it/consumer");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    /** The README also names smppex-examples' in-reactor copy of its snippets: it must not drift either. */
    @Test
    void everyJavaSnippetOfTheReadmeIsInTheCodeThatRunsItVerbatim() throws Exception {
        List<String> snippets = readmeBlocks("java");
        assertFalse(snippets.isEmpty(), "the README has no java snippet");
        Path quickStart = HERE.resolve("src/test/java/example/QuickStartTest.java");
        Path examples = ROOT.resolve("smppex-examples/src/test/java/io/smppex/examples/ReadmeSnippetsTest.java");
        for (Path file : Files.exists(examples) ? List.of(quickStart, examples) : List.of(quickStart)) {
            String code = normalised(Files.readString(file));
            for (String snippet : snippets) {
                assertTrue(code.contains(normalised(snippet)), "not in " + ROOT.relativize(file) + ", verbatim:\n" + snippet);
            }
        }
    }

    @Test
    void everyMavenSnippetOfTheReadmeIsInThisPomUnlessItPinsOurVersionItself() throws Exception {
        String pom = normalised(Files.readString(HERE.resolve("pom.xml")));
        int inPom = 0;
        for (String snippet : readmeBlocks("xml")) {
            boolean pinsOurs = dependencies(snippet).stream()
                    .anyMatch(d -> d[0].equals("io.smppex") && !d[1].equals("smppex-bom") && d[2] != null);
            if (!pinsOurs) {
                assertTrue(pom.contains(normalised(snippet)), "not in it/consumer/pom.xml, verbatim:\n" + snippet);
                inPom++;
            }
        }
        assertTrue(inPom > 0, "no README snippet imports the BOM");
    }

    @Test
    void everyCoordinateInTheReadmeIsOnePublishedOrPinnedByTheBuild() throws Exception {
        String version = text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
        Set<String> published = bomArtifacts();
        Map<String, String> pins = rootPins();
        List<String[]> coordinates = new ArrayList<>();
        for (String snippet : readmeBlocks("xml")) {
            coordinates.addAll(dependencies(snippet));
        }
        Matcher gradle = Pattern.compile("\"([\\w.-]+):([\\w.-]+)(?::([\\w.-]+))?\"")
                .matcher(String.join("\n", readmeBlocks("kotlin")));
        while (gradle.find()) {
            coordinates.add(new String[] {gradle.group(1), gradle.group(2), gradle.group(3)});
        }
        assertTrue(coordinates.size() >= 6, "too few coordinates found in the README: " + coordinates.size());
        for (String[] c : coordinates) {
            String ga = c[0] + ":" + c[1];
            if (c[0].equals("io.smppex")) {
                assertTrue(c[1].equals("smppex-bom") || published.contains(c[1]), ga + " is not managed by the BOM");
                if (c[2] != null) {
                    assertEquals(version, c[2], ga);
                }
            } else {
                assertEquals(pins.get(ga), c[2], ga + " in the README is not the version the root pom pins");
            }
        }
    }

    @Test
    void theBomManagesExactlyThePublishedModulesAtTheParentsVersion() throws Exception {
        Element parent = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        Element bom = parse(ROOT.resolve("smppex-bom/pom.xml")).getDocumentElement();
        Set<String> published = new TreeSet<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            Element pom = parse(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml")).getDocumentElement();
            boolean jar = text(pom, "packaging") == null || "jar".equals(text(pom, "packaging"));
            Element properties = child(pom, "properties");
            boolean unpublished = properties != null && "true".equals(text(properties, "smppex.unpublished"));
            if (jar && !unpublished) {
                published.add(text(pom, "artifactId"));
            }
        }
        assertEquals(published, bomArtifacts(), "published reactor modules vs what smppex-bom manages");
        for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("${project.version}", text(d, "version"), text(d, "artifactId"));
        }
        assertEquals(text(parent, "version"), text(bom, "version"), "smppex-bom's version");
        for (String field : List.of("url", "licenses", "developers", "scm", "issueManagement")) {
            assertEquals(normalised(child(parent, field).getTextContent()), normalised(child(bom, field).getTextContent()),
                    "smppex-bom repeats the parent's <" + field + ">");
        }
    }

    @Test
    void everyManagedArtifactIsInstalledWithSourcesJavadocAndItsModuleName() throws Exception {
        String version = text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
        Path repo = Path.of(System.getProperty("smppex.repo")).resolve("io/smppex");
        for (String artifact : bomArtifacts()) {
            Path dir = repo.resolve(artifact).resolve(version);
            String base = artifact + "-" + version;
            try (JarFile jar = new JarFile(dir.resolve(base + ".jar").toFile());
                    JarFile sources = new JarFile(dir.resolve(base + "-sources.jar").toFile());
                    JarFile javadoc = new JarFile(dir.resolve(base + "-javadoc.jar").toFile())) {
                String moduleName = "io.smppex." + artifact.substring("smppex-".length()).replace('-', '.');
                assertEquals(moduleName, jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), artifact);
                assertTrue(sources.stream().anyMatch(e -> e.getName().endsWith(".java")), artifact + " sources jar has no source");
                assertNotNull(javadoc.getEntry("index.html"), artifact + " javadoc jar has no index.html");
            }
            Element pom = parse(dir.resolve(base + ".pom")).getDocumentElement();
            assertEquals("smppex-parent", text(child(pom, "parent"), "artifactId"), artifact + " inherits the licence from the parent");
        }
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"),
                "LICENSE holds the Apache License 2.0 that the poms declare");
        for (String pom : List.of("smppex-parent", "smppex-bom")) {
            Element installed = parse(repo.resolve(pom).resolve(version).resolve(pom + "-" + version + ".pom")).getDocumentElement();
            assertEquals("Apache-2.0", text(child(child(installed, "licenses"), "license"), "name"), pom);
        }
    }

    /**
     * Maven Central refuses a pom without url, description, licence, developers and scm; signing
     * and deploying must stay off unless a user asks for them, or every local install would need a
     * GPG key. Checked on the installed poms a user's build reads, and on the root pom's profiles.
     */
    @Test
    void theInstalledPomsCarryCentralsMetadataAndTheReleaseProfileIsOffByDefault() throws Exception {
        String version = text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
        Path repo = Path.of(System.getProperty("smppex.repo")).resolve("io/smppex");
        for (String pom : List.of("smppex-parent", "smppex-bom")) {
            Element installed = parse(repo.resolve(pom).resolve(version).resolve(pom + "-" + version + ".pom")).getDocumentElement();
            for (String field : List.of("url", "description")) {
                assertFalse(text(installed, field) == null || text(installed, field).isEmpty(), pom + " has no " + field);
            }
            assertNotNull(child(child(installed, "developers"), "developer"), pom + " names no developer");
            Element scm = child(installed, "scm");
            assertNotNull(scm, pom + " has no scm");
            for (String field : List.of("connection", "developerConnection", "url")) {
                assertNotNull(text(scm, field), pom + " scm has no " + field);
            }
        }
        Element root = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        Element release = children(child(root, "profiles"), "profile").stream()
                .filter(p -> "release".equals(text(p, "id"))).findFirst().orElse(null);
        assertNotNull(release, "the root pom has no release profile");
        String plugins = release.getTextContent();
        assertTrue(plugins.contains("maven-gpg-plugin") && plugins.contains("central-publishing-maven-plugin"),
                "the release profile signs and deploys");
        assertEquals(null, child(release, "activation"), "the release profile is active only when asked for (-Prelease)");
    }

    /**
     * The README's table of artifacts lists exactly the BOM and what it manages, each with the
     * module name its jar carries (the jars themselves are checked above): a user copies names
     * from that table.
     */
    @Test
    void theReadmeTableOfArtifactsIsTheBomAndItsModuleNames() throws Exception {
        Set<String> published = new TreeSet<>(bomArtifacts());
        published.add("smppex-bom");
        String readme = Files.readString(ROOT.resolve("README.md"));
        int at = readme.indexOf("### The artifacts");
        assertTrue(at >= 0, "README has a section 'The artifacts'");
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(smppex-[a-z-]+)` \\|[^|]*\\| *(?:`([a-z.]+)`)? *\\|").matcher(readme.substring(at));
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        assertEquals(published, new TreeSet<>(table.keySet()), "the README's table of artifacts vs the BOM and what it manages");
        for (String artifact : bomArtifacts()) {
            assertEquals("io.smppex." + artifact.substring("smppex-".length()).replace('-', '.'), table.get(artifact),
                    "the module name the README gives " + artifact);
        }
    }

    private static List<String> readmeBlocks(String language) throws IOException {
        Matcher m = FENCE.matcher(Files.readString(ROOT.resolve("README.md")));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** groupId, artifactId, version (null when absent) of each dependency in an XML fragment. */
    private static List<String[]> dependencies(String xmlFragment) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(("<fragment>" + xmlFragment + "</fragment>").getBytes()));
        List<String[]> result = new ArrayList<>();
        var nodes = doc.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            result.add(new String[] {text(d, "groupId"), text(d, "artifactId"), text(d, "version")});
        }
        return result;
    }

    private static Set<String> bomArtifacts() throws Exception {
        Element bom = parse(ROOT.resolve("smppex-bom/pom.xml")).getDocumentElement();
        return children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency").stream()
                .map(d -> text(d, "artifactId")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** groupId:artifactId to version, from the root pom's dependencyManagement and properties. */
    private static Map<String, String> rootPins() throws Exception {
        Element root = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element p : children(child(root, "properties"), null)) {
            properties.put(p.getTagName(), p.getTextContent().trim());
        }
        Map<String, String> pins = new LinkedHashMap<>();
        for (Element d : children(child(child(root, "dependencyManagement"), "dependencies"), "dependency")) {
            String v = text(d, "version");
            Matcher ref = Pattern.compile("\\$\\{(.+)}").matcher(v);
            pins.put(text(d, "groupId") + ":" + text(d, "artifactId"), ref.matches() ? properties.get(ref.group(1)) : v);
        }
        return pins;
    }

    private static String normalised(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
