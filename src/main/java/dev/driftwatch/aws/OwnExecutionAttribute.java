package dev.driftwatch.aws;

import software.amazon.awssdk.core.interceptor.ExecutionAttribute;

/**
 * driftwatch's own SDK execution attributes. The SDK refuses two attributes of one name for as long as it
 * is loaded, and a restart of the application in the same JVM (Quarkus dev mode, or tests that start it
 * with other resources) loads driftwatch's classes again while the SDK's stay: the name carries the
 * loading of the class that declares it, so each loading has its own.
 */
final class OwnExecutionAttribute {

    private OwnExecutionAttribute() {}

    static <T> ExecutionAttribute<T> named(String name, Class<?> declaredBy) {
        return new ExecutionAttribute<>(name + "@" + Integer.toHexString(System.identityHashCode(declaredBy)));
    }
}
