package io.smppex.pdu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The check that a module's documentation shows only code its tests run: it collects the examples
 * of documents (the {@code ```java} blocks of Markdown, the {@code <pre>{@code ...}</pre>} blocks of
 * javadoc) and the blocks tests run between a {@code // example:start} and a {@code // example:end}
 * line, and reports every example that is, whitespace aside, in none of those blocks. A line of a
 * block that ends with {@code // test-only} is the test's own and is left out before comparing.
 *
 * <p>Shared by every module's doc-examples test through smppex-pdu's test-jar, so that the rules
 * (what counts as an example, what "as written" means) are the same everywhere.
 */
public final class DocExamples {

    private static final Pattern MARKED = Pattern.compile("// example:start\\n(.*?)// example:end", Pattern.DOTALL);
    private static final Pattern MARKDOWN_JAVA = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    private static final Pattern JAVADOC_CODE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\* ?}</pre>", Pattern.DOTALL);
    private static final Pattern JAVADOC_MARGIN = Pattern.compile("(?m)^\\s*\\* ?");
    private static final Pattern TEST_ONLY = Pattern.compile("(?m)^.*// test-only\\n");

    /** One example of a document: where it was found and its code as the reader sees it. */
    public record Example(String where, String code) {
    }

    private final List<Example> examples = new ArrayList<>();
    private final List<String> runBlocks = new ArrayList<>();

    private DocExamples() {
    }

    /** An empty check: add documents and tests to it. */
    public static DocExamples create() {
        return new DocExamples();
    }

    /**
     * The usual check of a module, run from its directory: the examples of its README.md and of the
     * javadoc under src/main/java, against the marked blocks of the tests under src/test/java.
     */
    public static DocExamples ofThisModule() {
        return create().markdown(Path.of("README.md")).javadocUnder(Path.of("src/main/java")).runBy(Path.of("src/test/java"));
    }

    /** Adds the java blocks of each Markdown file as examples. */
    public DocExamples markdown(Path... documents) {
        for (Path document : documents) {
            markdownText(document.toString(), read(document));
        }
        return this;
    }

    /** Adds the java blocks of a Markdown text, {@code where} naming it in reports. */
    public DocExamples markdownText(String where, String markdown) {
        Matcher m = MARKDOWN_JAVA.matcher(markdown);
        while (m.find()) {
            examples.add(new Example(where + ":" + lineOf(markdown, m.start()), m.group(1)));
        }
        return this;
    }

    /** Adds the javadoc code examples of every java file under {@code sourceRoot}. */
    public DocExamples javadocUnder(Path sourceRoot) {
        for (Path source : javaFiles(sourceRoot)) {
            javadocText(source.toString(), read(source));
        }
        return this;
    }

    /** Adds the javadoc code examples of one java source text. */
    public DocExamples javadocText(String where, String javaSource) {
        Matcher m = JAVADOC_CODE.matcher(javaSource);
        while (m.find()) {
            examples.add(new Example(where + ":" + lineOf(javaSource, m.start()),
                    JAVADOC_MARGIN.matcher(m.group(1)).replaceAll("")));
        }
        return this;
    }

    /** Adds the marked blocks of a test file, or of every java file under a directory of tests. */
    public DocExamples runBy(Path testFileOrRoot) {
        for (Path test : Files.isDirectory(testFileOrRoot) ? javaFiles(testFileOrRoot) : List.of(testFileOrRoot)) {
            testText(read(test));
        }
        return this;
    }

    /** Adds the marked blocks of one test source text. */
    public DocExamples testText(String javaSource) {
        Matcher m = MARKED.matcher(javaSource);
        while (m.find()) {
            runBlocks.add(normalize(TEST_ONLY.matcher(m.group(1)).replaceAll("")));
        }
        return this;
    }

    /** Every example found so far, in the order found. */
    public List<Example> examples() {
        return List.copyOf(examples);
    }

    /** The examples that are, whitespace aside, in no marked block of the tests. */
    public List<Example> unrun() {
        return examples.stream().filter(e -> {
            String code = normalize(e.code());
            return runBlocks.stream().noneMatch(block -> block.contains(code));
        }).toList();
    }

    /**
     * Fails unless at least {@code atLeast} examples were found (so that a broken pattern or a moved
     * document cannot pass by finding none) and every one of them is run as written by a test.
     */
    public void assertEveryExampleIsRun(int atLeast) {
        if (examples.size() < atLeast) {
            throw new AssertionError("expected at least " + atLeast + " examples, found " + examples.size()
                    + examples.stream().map(e -> "\n  " + e.where()).collect(Collectors.joining()));
        }
        List<Example> unrun = unrun();
        if (!unrun.isEmpty()) {
            throw new AssertionError(unrun.size() + " example(s) not run, as written, by any test"
                    + " (copy each between // example:start and // example:end in a test that runs it):"
                    + unrun.stream().map(e -> "\n--- " + e.where() + "\n" + e.code()).collect(Collectors.joining()));
        }
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
