package dev.driftwatch.remediation.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket-policy statement that refuses requests without TLS, and the merge that adds it to a policy keeping
 * every other statement exactly as it was. Pure functions of the policy text.
 */
final class TlsOnlyStatement {

    static final String SID = "DriftwatchDenyInsecureTransport";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TlsOnlyStatement() {}

    /** Thrown when a policy is not a JSON object with statements: nothing is concluded from it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Whether some Deny statement has {@code Bool} (or {@code BoolIfExists}) {@code aws:SecureTransport} false. */
    static boolean present(Optional<String> policy) throws Unreadable {
        if (policy.isEmpty()) {
            return false;
        }
        for (JsonNode statement : statements(parse(policy.get()))) {
            if ("Deny".equals(statement.path("Effect").asText()) && deniesPlainHttp(statement.path("Condition"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The policy with the statement added (an older one with its Sid replaced, as Sids must be unique); a bucket
     * without a policy gets one with just this statement.
     */
    static String merged(Optional<String> policy, String bucket) throws Unreadable {
        ObjectNode root = policy.isPresent()
                ? parse(policy.get())
                : JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = JSON.createArrayNode();
        for (JsonNode statement : statements(root)) {
            if (!SID.equals(statement.path("Sid").asText())) {
                statements.add(statement);
            }
        }
        statements.add(statement(bucket));
        root.set("Statement", statements);
        return root.toString();
    }

    static ObjectNode statement(String bucket) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", SID).put("Effect", "Deny").put("Principal", "*").put("Action", "s3:*");
        statement.putArray("Resource").add("arn:aws:s3:::" + bucket).add("arn:aws:s3:::" + bucket + "/*");
        statement.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        return statement;
    }

    private static boolean deniesPlainHttp(JsonNode condition) {
        for (String operator : new String[] {"Bool", "BoolIfExists"}) {
            Iterator<Map.Entry<String, JsonNode>> keys =
                    condition.path(operator).fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                JsonNode value = key.getValue();
                // as the policy's pattern reads it: false, "false" or ["false"]
                boolean isFalse = value.isArray()
                        ? value.size() == 1 && "false".equals(value.get(0).textValue())
                        : value.isBoolean() ? !value.asBoolean() : "false".equals(value.textValue());
                if ("aws:securetransport".equalsIgnoreCase(key.getKey()) && isFalse) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode parse(String policy) throws Unreadable {
        try {
            if (JSON.readTree(policy) instanceof ObjectNode root) {
                return root;
            }
        } catch (JsonProcessingException e) {
            // below
        }
        throw new Unreadable("the bucket policy is not a JSON object");
    }

    /** A policy's statements: an array, or one statement on its own. */
    private static Iterable<JsonNode> statements(ObjectNode root) throws Unreadable {
        JsonNode statements = root.path("Statement");
        if (statements.isMissingNode()) {
            return JSON.createArrayNode();
        }
        if (statements.isObject()) {
            return JSON.createArrayNode().add(statements);
        }
        if (statements.isArray()) {
            return statements;
        }
        throw new Unreadable("the bucket policy's Statement is neither a list nor a statement");
    }
}
