package dev.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every property of every {@code @ConfigMapping}, as the code declares it. With
 * {@code -Dconfiguration-doc.write=true} it regenerates the doc first (the command is at the top of the doc).
 */
class ConfigurationDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*$", Pattern.MULTILINE);

    private static List<ConfigurationDoc.Section> sections;

    @BeforeAll
    static void generate() throws IOException {
        if (Boolean.getBoolean("configuration-doc.write")) {
            ConfigurationDoc.write();
        }
        sections = ConfigurationDoc.sections();
    }

    @Test
    void listsEveryPropertyAsTheCodeDeclaresIt() throws IOException {
        Map<String, String> expected = rows(ConfigurationDoc.generated(sections));
        String doc = Files.readString(ConfigurationDoc.DOC);
        int begin = doc.indexOf(ConfigurationDoc.BEGIN);
        int end = doc.indexOf(ConfigurationDoc.END);
        assertThat(begin)
                .as("marker lines of the generated part")
                .isNotNegative()
                .isLessThan(end);
        Map<String, String> documented = rows(doc.substring(begin, end));
        List<String> problems = new ArrayList<>();
        expected.forEach((name, row) -> {
            if (!documented.containsKey(name)) {
                problems.add("missing from the doc: " + name);
            } else if (!documented.get(name).equals(row)) {
                problems.add(
                        "stale in the doc: " + name + "\n    doc:  " + documented.get(name) + "\n    code: " + row);
            }
        });
        documented.keySet().stream()
                .filter(name -> !expected.containsKey(name))
                .forEach(name -> problems.add("in the doc but not in any @ConfigMapping: " + name));

        assertThat(problems)
                .as("docs/configuration.md is out of date; regenerate it with%n  %s%n", ConfigurationDoc.REGENERATE)
                .isEmpty();
        assertThat(ConfigurationDoc.withGenerated(doc, ConfigurationDoc.generated(sections)))
                .as("the generated part (order, headings) differs; regenerate with %s", ConfigurationDoc.REGENERATE)
                .isEqualTo(doc);
        assertThat(doc).contains(ConfigurationDoc.REGENERATE);
    }

    @Test
    void findsTheMappingsAndTheirJavadoc() {
        Map<String, ConfigProperty> byName = new LinkedHashMap<>();
        sections.forEach(s -> s.properties().forEach(p -> byName.put(p.name(), p)));
        assertThat(sections)
                .extracting(ConfigurationDoc.Section::prefix)
                .contains("driftwatch.scan", "driftwatch.baseline", "driftwatch.policy");
        assertThat(byName.get("driftwatch.scan.interval"))
                .isEqualTo(new ConfigProperty(
                        "driftwatch.scan.interval",
                        "duration",
                        "`15m`",
                        "Time between two scan rounds (every account and region)."));
        assertThat(byName)
                .containsKeys(
                        "driftwatch.baseline.terraform.paths",
                        "driftwatch.baseline.s3.<name>.bucket",
                        "driftwatch.baseline.http.<name>.headers.<key>",
                        "driftwatch.baseline.s3.<name>.providers.<name>.account");
        assertThat(byName.get("driftwatch.baseline.s3.<name>.bucket").defaultValue())
                .isEqualTo("required");
        assertThat(byName.get("driftwatch.baseline.terraform.paths").defaultValue())
                .isEqualTo("none");
    }

    /** The standard: every property of a {@code @ConfigMapping} says in its javadoc what it means. */
    @Test
    void everyPropertyHasAMeaning() {
        List<String> undocumented = sections.stream()
                .flatMap(s -> s.properties().stream())
                .filter(p -> p.meaning().isBlank())
                .map(ConfigProperty::name)
                .toList();
        assertThat(undocumented).as("properties whose accessor has no javadoc").isEmpty();
    }

    /** A typo in application.properties would be a setting nobody reads. */
    @Test
    void everyDriftwatchSettingOfTheApplicationPropertiesIsDocumented() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
        List<Pattern> documented = sections.stream()
                .flatMap(s -> s.properties().stream())
                .map(p -> Pattern.compile(
                        Pattern.quote(p.name()).replaceAll("<(name|key)>", "\\\\E(\"[^\"]+\"|[^.]+)\\\\Q")))
                .toList();
        List<String> unknown = properties.stringPropertyNames().stream()
                .map(key -> key.replaceFirst("^%[^.]+\\.", ""))
                .filter(key -> key.startsWith("driftwatch."))
                .filter(key -> documented.stream().noneMatch(p -> p.matcher(key).matches()))
                .sorted()
                .toList();
        assertThat(unknown)
                .as("driftwatch.* keys in application.properties that no @ConfigMapping declares")
                .isEmpty();
    }

    private static Map<String, String> rows(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            rows.put(m.group(1), m.group());
        }
        return rows;
    }
}
