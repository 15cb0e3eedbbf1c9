package dev.driftwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parts of driftwatch (DESIGN.md "Parts", docs/architecture.md "Dependencies") depend on each other one way
 * only, and no part touches another part's entities: it asks the owning part through a small interface.
 * A new part needs its row in {@link #MAY_USE} before it compiles into a green build.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.driftwatch";

    /** Each part and the parts it may use; parts not written yet are listed so they start out in their place. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("resource", Set.of()),
            Map.entry("aws", Set.of("resource")),
            Map.entry("lock", Set.of("resource")),
            Map.entry("inventory", Set.of("aws", "resource")),
            Map.entry("baseline", Set.of("aws", "resource")),
            // the comparison reads the states' entries (baseline.ExpectedResource and its snapshot) as values; drift's
            // severity is a policy's (policy.PolicyDefinition.Severity), so tickets treat both alike
            Map.entry("drift", Set.of("resource", "baseline", "policy")),
            Map.entry("policy", Set.of("resource")),
            // the outbox carries any part's events and knows none of them
            Map.entry("outbox", Set.of("resource")),
            Map.entry("finding", Set.of("resource", "drift", "policy", "outbox")),
            Map.entry("coverage", Set.of("resource", "baseline", "drift")),
            Map.entry("engine", Set.of("resource", "inventory", "baseline", "drift", "policy")),
            Map.entry("check", Set.of("resource", "aws", "inventory", "baseline", "drift", "policy", "engine")),
            Map.entry("imports", Set.of("resource", "inventory", "finding")),
            Map.entry(
                    "scan",
                    Set.of(
                            "resource",
                            "aws",
                            "lock",
                            "inventory",
                            "baseline",
                            "drift",
                            "policy",
                            "engine",
                            "outbox",
                            "finding",
                            "coverage")),
            Map.entry(
                    "remediation",
                    Set.of("resource", "aws", "lock", "inventory", "drift", "policy", "outbox", "finding")),
            // a finding's remediation section (policy.RemediationSpec) says whether it gets a ticket; a failed,
            // rejected or expired remediation (remediation.RemediationEvent) is one
            Map.entry("ticket", Set.of("resource", "policy", "outbox", "finding", "remediation", "inventory")),
            Map.entry("sweeper", Set.of("resource", "aws", "lock", "inventory", "baseline", "outbox", "finding")),
            Map.entry(
                    "api",
                    Set.of(
                            "resource",
                            "aws",
                            "lock",
                            "inventory",
                            "baseline",
                            "drift",
                            "policy",
                            "engine",
                            "outbox",
                            "finding",
                            "coverage",
                            "check",
                            "imports",
                            "scan",
                            "remediation",
                            "ticket",
                            "sweeper")));

    /**
     * Dependencies against {@link #MAY_USE} not removed yet, each with why; the integrator strikes a line when the
     * change named in it is merged. Keep this list short: a new exception needs a reason here.
     */
    static final List<Exemption> EXCEPTIONS = List.of();

    /** One allowed dependency outside the layering: from any class of a part to one class. */
    record Exemption(String part, String target) {}

    private static final Path SOURCES = Path.of("src/main/java/dev/driftwatch");
    private static final Pattern IMPORT = Pattern.compile("import (static )?(dev\\.driftwatch\\.[\\w.]+);\\s*");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPartIsInTheLayering() {
        Set<String> parts = MAIN.stream()
                .map(ArchitectureTest::partOf)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        assertThat(MAY_USE.keySet()).as("parts with a row in MAY_USE").containsAll(parts);
    }

    @Test
    void partsDependOnEachOtherOneWay() {
        MAY_USE.forEach((part, allowed) -> classes()
                .that()
                .resideInAPackage(ROOT + "." + part + "..")
                .should()
                .onlyDependOnClassesThat(allowedFrom(part, allowed))
                .allowEmptyShould(true)
                .check(MAIN));
    }

    /**
     * The same table over the sources' imports: javac copies constants ({@code static final String}) into the
     * class that reads them, so the byte code ArchUnit reads does not show such a dependency.
     */
    @Test
    void importsFollowTheLayeringToo() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String part = SOURCES.relativize(file).getName(0).toString();
                for (String line : Files.readAllLines(file)) {
                    Matcher imported = IMPORT.matcher(line);
                    if (imported.matches() && !allowedImport(part, imported.group(2), imported.group(1) != null)) {
                        violations.add(SOURCES.relativize(file) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(violations).as("imports outside MAY_USE and EXCEPTIONS").isEmpty();
    }

    @Test
    void theLayeringHasNoCycle() {
        for (String part : MAY_USE.keySet()) {
            assertThat(reachableFrom(part, new TreeSet<>()))
                    .as("parts reachable from " + part)
                    .doesNotContain(part);
        }
    }

    @Test
    void noPartTouchesAnotherPartsEntities() {
        ArchCondition<JavaClass> ownEntitiesOnly = new ArchCondition<>("use only their own part's entities") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (isEntity(target)
                            && partOf(target).isPresent()
                            && !partOf(target).equals(partOf(origin))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
        classes()
                .that()
                .resideInAPackage(ROOT + "..")
                .should(ownEntitiesOnly)
                .allowEmptyShould(true)
                .check(MAIN);
    }

    private static DescribedPredicate<JavaClass> allowedFrom(String part, Set<String> allowed) {
        Set<String> exceptions = EXCEPTIONS.stream()
                .filter(e -> e.part().equals(part))
                .map(Exemption::target)
                .collect(Collectors.toSet());
        return DescribedPredicate.describe(
                "are outside " + ROOT + ", in " + part + " or in " + new TreeSet<>(allowed)
                        + (exceptions.isEmpty() ? "" : " or one of " + new TreeSet<>(exceptions)),
                target -> {
                    Optional<String> targetPart = partOf(target);
                    return !target.getPackageName().startsWith(ROOT)
                            || targetPart.isEmpty()
                            || targetPart.get().equals(part)
                            || allowed.contains(targetPart.get())
                            || exceptions.contains(target.getName());
                });
    }

    private static boolean allowedImport(String part, String name, boolean isStatic) {
        String type = isStatic ? name.substring(0, name.lastIndexOf('.')) : name;
        String targetPart = type.substring(ROOT.length() + 1).split("\\.")[0];
        return targetPart.equals(part)
                || MAY_USE.getOrDefault(part, Set.of()).contains(targetPart)
                || EXCEPTIONS.contains(new Exemption(part, type));
    }

    private static Set<String> reachableFrom(String part, Set<String> seen) {
        for (String next : MAY_USE.getOrDefault(part, Set.of())) {
            if (seen.add(next)) {
                reachableFrom(next, seen);
            }
        }
        return seen;
    }

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(Entity.class) || type.isAssignableTo(PanacheEntityBase.class);
    }

    /** The part a class belongs to: the package right under the root; none for the root itself or outside it. */
    static Optional<String> partOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
