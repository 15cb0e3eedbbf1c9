package dev.driftwatch.imports;

import dev.driftwatch.resource.ImportId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Terraform 1.5+ {@code import} blocks for unmanaged resources, to paste into a configuration and turn into
 * code with {@code terraform plan -generate-config-out=generated.tf}. Resource names come from the Name
 * tag, else the name or identifier, else the id, as {@code [a-z0-9_]} not starting with a digit, unique per type. No
 * {@code provider} argument: which aliased provider serves an account and region is not known here.
 */
public final class ImportBlocks {

    private static final int MAX_NAME = 64;

    private ImportBlocks() {}

    public static String render(List<UnmanagedResource> resources) {
        List<UnmanagedResource> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing(UnmanagedResource::account)
                .thenComparing(UnmanagedResource::region)
                .thenComparing(UnmanagedResource::type)
                .thenComparing(UnmanagedResource::id));
        StringBuilder hcl = new StringBuilder("# Terraform import blocks (Terraform 1.5+) for ")
                .append(sorted.size())
                .append(" unmanaged resource(s) found by driftwatch.\n")
                .append("# Write their configuration with: terraform plan -generate-config-out=generated.tf\n");
        long providers = sorted.stream()
                .map(r -> r.account() + "/" + r.region())
                .distinct()
                .count();
        if (providers > 1) {
            hcl.append("# They span ")
                    .append(providers)
                    .append(" accounts/regions: each block needs a provider for its own account and")
                    .append(
                            " region\n# (add provider = aws.<alias>), or ask again with ?account=&region= for one file per provider.\n");
        }
        Set<String> taken = new HashSet<>();
        for (UnmanagedResource r : sorted) {
            ImportId importId = ImportIds.of(r.type(), r.id(), r.attributes(), r.region());
            hcl.append('\n');
            if (importId.value() == null) {
                hcl.append("# cannot import ")
                        .append(r.type())
                        .append(' ')
                        .append(oneLine(r.id()))
                        .append(": ")
                        .append(importId.cannotBecause())
                        .append('\n');
                continue;
            }
            String name = unique(r.type(), name(r), taken);
            hcl.append("# ")
                    .append(r.account())
                    .append(' ')
                    .append(r.region())
                    .append('\n')
                    .append("import {\n")
                    .append("  to = ")
                    .append(r.type())
                    .append('.')
                    .append(name)
                    .append('\n')
                    .append("  id = \"")
                    .append(hclString(importId.value()))
                    .append("\"\n")
                    .append("}\n");
        }
        return hcl.toString();
    }

    /** A readable Terraform name: the Name tag, else the name or identifier, else the last part of the id, whichever says something. */
    static String name(UnmanagedResource r) {
        Object tags = r.attributes().get("tags");
        Object nameTag = tags instanceof Map<?, ?> map ? map.get("Name") : null;
        String sanitised = Stream.of(
                        nameTag, r.attributes().get("name"), r.attributes().get("identifier"), lastPart(r.id()), r.id())
                .filter(Objects::nonNull)
                .map(hint -> hint.toString()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9_]+", "_")
                        .replaceAll("_+", "_")
                        .replaceAll("^_|_$", ""))
                .filter(hint -> !hint.isEmpty())
                .findFirst()
                .orElse("resource");
        if (Character.isDigit(sanitised.charAt(0))) {
            sanitised = "r_" + sanitised;
        }
        return sanitised.length() > MAX_NAME ? sanitised.substring(0, MAX_NAME).replaceAll("_$", "") : sanitised;
    }

    private static String unique(String type, String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(type + "." + candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private static String lastPart(String id) {
        String trimmed = id.replaceAll("[/:]+$", "");
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
        return trimmed.substring(cut + 1);
    }

    /** A quoted HCL string's content: quotes and backslashes escaped, template sequences kept literal. */
    private static String hclString(String value) {
        return value.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("${", "$${")
                .replace("%{", "%%{");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
