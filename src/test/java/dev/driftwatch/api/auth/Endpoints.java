package dev.driftwatch.api.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of the service, found in the compiled classes (nested classes too): "METHOD /path" to
 * its roles. A sub-resource locator (a {@code @Path} method without a verb) is listed as "LOCATOR /path" with no
 * roles, so the matrix fails until it is given rules of its own.
 */
final class Endpoints {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class,
            "GET",
            POST.class,
            "POST",
            PUT.class,
            "PUT",
            DELETE.class,
            "DELETE",
            PATCH.class,
            "PATCH",
            HEAD.class,
            "HEAD",
            OPTIONS.class,
            "OPTIONS");

    private Endpoints() {}

    /** "METHOD /path" to the roles its {@code @RolesAllowed} names ("" if it names none). */
    static Map<String, String> all() {
        Map<String, String> endpoints = new TreeMap<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/driftwatch"))) {
            files.map(f -> classes.relativize(f).toString())
                    .filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(Endpoints::load)
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .forEach(c -> add(c, endpoints));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    private static void add(Class<?> resource, Map<String, String> endpoints) {
        String base = resource.getAnnotation(Path.class).value();
        for (Method method : resource.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Path.class)
                    && VERBS.keySet().stream().noneMatch(method::isAnnotationPresent)) {
                endpoints.put(
                        "LOCATOR " + base + "/"
                                + method.getAnnotation(Path.class).value(),
                        "");
            }
            VERBS.forEach((annotation, verb) -> {
                if (method.isAnnotationPresent(annotation)) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = sub == null ? base : base + (sub.value().startsWith("/") ? "" : "/") + sub.value();
                    RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                            ? method.getAnnotation(RolesAllowed.class)
                            : resource.getAnnotation(RolesAllowed.class);
                    endpoints.put(verb + " " + path, roles == null ? "" : String.join(",", roles.value()));
                }
            });
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Endpoints.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(name, e);
        }
    }
}
