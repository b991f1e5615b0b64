package org.maxdnn.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README stays a front door (at most 150 lines) and every relative link of the documentation
 * (README.md, CONTRIBUTING.md, docs/**.md) points to a file or folder that exists.
 */
class DocumentationLinksTest {
    static final int README_MAX_LINES = 150;
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    @Test
    void readmeIsAFrontDoor() throws IOException {
        Path readme = repositoryRoot().resolve("README.md");
        long lines = Files.readAllLines(readme, StandardCharsets.UTF_8).size();
        assertTrue(lines <= README_MAX_LINES, readme + " has " + lines + " lines, at most " + README_MAX_LINES
                + " allowed: move the detail into docs/ or CONTRIBUTING.md");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = documentation(root);
        assertTrue(files.size() > 3, "found only " + files + " under " + root);
        assertEquals(List.of(), brokenLinks(files));
    }

    @Test
    void aLinkToAMissingFileIsReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs/usage"));
        Files.writeString(dir.resolve("docs/usage/a.md"), "# a\n\n[ok](../../README.md#x) [web](https://example.org)\n"
                + "[anchor](#a) `[code](missing.md)`\n\n    [indented code](missing.md)\n\nsee [b](b.md) and ![img](../pic.png)\n");
        Files.writeString(dir.resolve("README.md"), "[usage](docs/usage/) [a](docs/usage/a.md?plain=1)\n");
        assertEquals(List.of(dir.resolve("docs/usage/a.md") + ":8: b.md", dir.resolve("docs/usage/a.md") + ":8: ../pic.png"),
                brokenLinks(List.of(dir.resolve("README.md"), dir.resolve("docs/usage/a.md"))));
    }

    /** README.md, CONTRIBUTING.md and every Markdown file under docs/. */
    static List<Path> documentation(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** "file:line: target" for every relative link or image whose target does not exist. */
    static List<String> brokenLinks(List<Path> files) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            Node document = MARKDOWN.parse(Files.readString(file, StandardCharsets.UTF_8));
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    check(link, link.getDestination());
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    check(image, image.getDestination());
                }

                private void check(Node node, String destination) {
                    String path = destination.replaceFirst("[#?].*$", "");
                    if (path.isEmpty() || SCHEME.matcher(destination).find() || destination.startsWith("//")) {
                        return;
                    }
                    Path target = file.getParent().resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)).normalize();
                    if (!Files.exists(target)) {
                        int line = node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
                        broken.add(file + ":" + line + ": " + destination);
                    }
                }
            });
        }
        return broken;
    }

    /**
     * The repository's top folder: walking up from the module's working directory, the first folder
     * whose pom.xml is the aggregator ({@code <packaging>pom</packaging>}) or that holds {@code .git}.
     */
    static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.exists(dir.resolve(".git"))
                    || (Files.isRegularFile(pom) && Files.readString(pom).contains("<packaging>pom</packaging>"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
