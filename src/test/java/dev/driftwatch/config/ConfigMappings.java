package dev.driftwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every property of one {@code @ConfigMapping} interface, found by reflection as SmallRye Config maps it
 * (kebab-case names, {@code @WithName}, nested groups, maps of groups), with the meaning from its javadoc.
 */
final class ConfigMappings {

    private final JavadocIndex javadoc;

    ConfigMappings(JavadocIndex javadoc) {
        this.javadoc = javadoc;
    }

    List<ConfigProperty> properties(Class<?> mapping) {
        List<ConfigProperty> properties = new ArrayList<>();
        group(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, false, properties);
        return properties;
    }

    private void group(String prefix, Class<?> type, boolean optional, List<ConfigProperty> out) {
        List<Method> methods = Arrays.stream(type.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(ConfigMappings::name))
                .toList();
        for (Method method : methods) {
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name(method);
            property(name, method, method.getGenericReturnType(), optional, out);
        }
    }

    private void property(String name, Method method, Type type, boolean optional, List<ConfigProperty> out) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            Type inner = argument(type, 0);
            property(name, method, inner, true, out);
        } else if (raw == Map.class && isGroup(argument(type, 1))) {
            group(name + ".<name>", raw(argument(type, 1)), false, out);
        } else if (raw == Map.class) {
            out.add(row(name + ".<key>", method, words(argument(type, 1)), "none"));
        } else if (isGroup(type)) {
            group(name, raw, optional, out);
        } else {
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            String absent = optional ? "none" : "required";
            out.add(row(name, method, words(type), withDefault == null ? absent : "`" + withDefault.value() + "`"));
        }
    }

    private ConfigProperty row(String name, Method method, String type, String defaultValue) {
        String key = nestedName(method.getDeclaringClass()) + "#" + method.getName();
        return new ConfigProperty(name, type, defaultValue, Javadoc.toMarkdown(javadoc.of(key)));
    }

    /** The property segment SmallRye derives: {@code @WithName}, else the method name in kebab-case. */
    private static String name(Method method) {
        WithName withName = method.getAnnotation(WithName.class);
        return withName != null ? withName.value() : kebab(method.getName());
    }

    static String kebab(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static final Set<Class<?>> VALUES =
            Set.of(String.class, java.net.URI.class, java.nio.file.Path.class, java.time.Duration.class);

    private static boolean isGroup(Type type) {
        Class<?> raw = raw(type);
        return raw.isInterface() && !VALUES.contains(raw) && raw.getName().startsWith("dev.driftwatch.");
    }

    /** {@code BaselineConfig.S3Source}: the key of {@link JavadocIndex}. */
    static String nestedName(Class<?> type) {
        return type.getDeclaringClass() == null
                ? type.getSimpleName()
                : nestedName(type.getDeclaringClass()) + "." + type.getSimpleName();
    }

    private static String words(Type type) {
        Class<?> raw = raw(type);
        if (raw == List.class || raw == Set.class) {
            return "list of " + words(argument(type, 0));
        }
        if (raw == Optional.class) {
            return words(argument(type, 0));
        }
        if (raw.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            Arrays.stream(raw.getEnumConstants())
                                    .map(c -> "`" + c + "`")
                                    .toList());
        }
        if (raw == java.time.Duration.class) {
            return "duration";
        }
        return raw.isPrimitive() || raw == String.class || raw == java.nio.file.Path.class
                ? raw.getSimpleName().toLowerCase()
                : raw.getSimpleName();
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
