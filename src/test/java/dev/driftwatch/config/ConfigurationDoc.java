package dev.driftwatch.config;

import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * docs/configuration.md's generated part: one table per {@code @ConfigMapping} interface under src/main/java,
 * between two marker lines; the rest of the file is written by hand and kept as it is. Regenerate with
 * {@link #REGENERATE} (run from the project root); {@code ConfigurationDocTest} fails when the doc is stale.
 */
final class ConfigurationDoc {

    static final Path DOC = Path.of("docs/configuration.md");
    static final String REGENERATE =
            "./mvnw -B -o -q test -Dtest=ConfigurationDocTest -Dconfiguration-doc.write=true -Dsurefire.failIfNoSpecifiedTests=false";
    static final String BEGIN = "<!-- generated from the @ConfigMapping interfaces: do not edit below, regenerate -->";
    static final String END = "<!-- end of the generated part -->";

    private static final Path SOURCES = Path.of("src/main/java");

    private ConfigurationDoc() {}

    /** The mappings, by prefix, each with its properties. */
    record Section(String prefix, String source, String summary, List<ConfigProperty> properties) {}

    static List<Section> sections() throws IOException {
        List<Path> files = mappingSources();
        JavadocIndex javadoc = JavadocIndex.of(files);
        ConfigMappings mappings = new ConfigMappings(javadoc);
        List<Section> sections = new ArrayList<>();
        for (Path file : files) {
            Class<?> type = load(file);
            String prefix = type.getAnnotation(ConfigMapping.class).prefix();
            String summary = Javadoc.toMarkdown(javadoc.of(type.getSimpleName()));
            sections.add(new Section(prefix, SOURCES.relativize(file).toString(), summary, mappings.properties(type)));
        }
        sections.sort(Comparator.comparing(Section::prefix));
        return sections;
    }

    static String generated(List<Section> sections) {
        StringBuilder md = new StringBuilder(BEGIN).append("\n");
        for (Section section : sections) {
            md.append("\n### `").append(section.prefix()).append(".*`\n\n");
            md.append(section.summary()).append(" (`").append(section.source()).append("`)\n\n");
            md.append("| property | type | default | meaning |\n|---|---|---|---|\n");
            section.properties().forEach(p -> md.append(p.row()).append("\n"));
        }
        return md.append("\n").append(END).toString();
    }

    /** The doc with its generated part replaced; fails when the markers are missing. */
    static String withGenerated(String doc, String generated) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(DOC + " lacks the marker lines " + BEGIN + " and " + END);
        }
        return doc.substring(0, begin) + generated + doc.substring(end + END.length());
    }

    static void write() throws IOException {
        Files.writeString(DOC, withGenerated(Files.readString(DOC), generated(sections())));
    }

    public static void main(String[] args) throws IOException {
        write();
        System.out.println("wrote " + DOC);
    }

    private static List<Path> mappingSources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(ConfigurationDoc::declaresMapping)
                    .sorted()
                    .toList();
        }
    }

    private static boolean declaresMapping(Path file) {
        try {
            return Files.readString(file).contains("@ConfigMapping(");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Class<?> load(Path file) {
        String name = SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.');
        try {
            return Class.forName(name, false, ConfigurationDoc.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(file + " declares a @ConfigMapping but " + name + " is not compiled", e);
        }
    }
}
