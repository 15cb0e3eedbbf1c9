package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The closed set of fix actions: each fixes a type driftwatch describes, names its IAM actions, and the remediator
 * role's policy ({@value #FILE}) allows exactly what they need. Regenerate it with {@value #COMMAND}.
 */
class RemediationActionsTest {

    static final String FILE = "deploy/terraform/member/remediator-actions.json";
    static final String COMMAND = "./mvnw -B -o -q test -Dtest=RemediationActionsTest -Ddriftwatch.regenerate=true";

    /** Every action class of the package, as CDI finds them in the service. */
    static final List<RemediationAction> ALL = new ClassFileImporter()
            .importPackages(RemediationAction.class.getPackageName()).stream()
                    .filter(c -> c.isAssignableTo(RemediationAction.class)
                            && !c.isInterface()
                            && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                    .map(c -> instance(c.reflect()))
                    .toList();

    @Test
    void theActionsAreFound() {
        assertThat(ALL).extracting(RemediationAction::name).contains("revoke-world-ingress", "require-imdsv2");
    }

    @Test
    void eachActionFixesADescribedTypeAndNamesWhatItCalls() {
        assertThat(ALL).extracting(RemediationAction::name).doesNotHaveDuplicates();
        for (RemediationAction action : ALL) {
            assertThat(action.resourceTypes())
                    .as("%s fixes types driftwatch describes", action.name())
                    .isNotEmpty()
                    .allMatch(type -> ResourceTypeCatalog.find(type).isPresent());
            assertThat(action.iamActions())
                    .as(action.name())
                    .isNotEmpty()
                    .allMatch(a -> a.matches("[a-z0-9]+:[A-Z][A-Za-z0-9]+"));
        }
    }

    @Test
    void everyActionADescriptorNamesExists() {
        for (ResourceTypeDescriptor descriptor : ResourceTypeCatalog.all()) {
            assertThat(descriptor.remediations())
                    .as("remediation actions named by %s", descriptor.type())
                    .allMatch(name -> ALL.stream().anyMatch(a -> a.name().equals(name)));
        }
    }

    @Test
    void noTwoRevertsOfATypeRevertTheSameAttribute() {
        Set<String> typeAndPath = new java.util.HashSet<>();
        for (RemediationAction action : ALL) {
            for (String type : action.resourceTypes()) {
                for (String path : action.revertsPaths()) {
                    assertThat(typeAndPath.add(type + " " + path))
                            .as("%s reverts %s of %s, as another action does", action.name(), path, type)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theRemediatorRoleAllowsExactlyWhatTheActionsCall() throws Exception {
        String expected = remediatorActionsJson();
        if (Boolean.getBoolean("driftwatch.regenerate")) {
            Files.writeString(Path.of(FILE), expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(Path.of(FILE)))
                .as(FILE + " is stale; run " + COMMAND)
                .isEqualTo(expected);
    }

    private static RemediationAction instance(Class<?> type) {
        try {
            return (RemediationAction) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a constructor without arguments", e);
        }
    }

    private static String remediatorActionsJson() throws Exception {
        TreeSet<String> actions = new TreeSet<>();
        ALL.forEach(a -> actions.addAll(a.iamActions()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated_by", COMMAND);
        root.put("actions", actions);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }
}
