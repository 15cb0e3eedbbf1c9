package dev.driftwatch.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses, validates, compiles and type-checks policy files: a policy either compiles whole or is reported. */
public final class PolicyCompiler {

    private final PolicyParser parser;
    private final CelEnvironment cel;
    private final int maxLength;

    /** For checking policy files outside the service: {@code age_days} counts to the system clock's now. */
    public PolicyCompiler(Set<String> knownTypes, int maxLength, int maxNesting, int maxIterations) {
        this(knownTypes, maxLength, maxNesting, maxIterations, Clock.systemUTC());
    }

    /** @param clock the service's clock, which {@code age_days} counts to */
    public PolicyCompiler(Set<String> knownTypes, int maxLength, int maxNesting, int maxIterations, Clock clock) {
        this.parser = new PolicyParser(knownTypes);
        this.cel = new CelEnvironment(maxLength, maxNesting, maxIterations, clock);
        this.maxLength = maxLength;
    }

    /** @throws PolicyException listing every problem of the file, each with its line */
    public Policy compile(String file, String text) throws PolicyException {
        PolicyDefinition definition = parser.parse(file, text);
        List<PolicyError> errors = new ArrayList<>();
        CelRuntime.Program violation =
                program(file, text, "violation", definition.violation(), SimpleType.BOOL, errors);
        CelRuntime.Program message = program(file, text, "message", definition.message(), SimpleType.STRING, errors);
        String when = definition.remediation() == null
                ? null
                : definition.remediation().precondition();
        CelRuntime.Program precondition =
                when == null ? null : program(file, text, "remediation.precondition", when, SimpleType.BOOL, errors);
        if (!errors.isEmpty()) {
            throw new PolicyException(errors);
        }
        return new Policy(definition, violation, message, precondition);
    }

    private CelRuntime.Program program(
            String file, String text, String field, String expression, CelType resultType, List<PolicyError> errors) {
        if (expression.length() > maxLength) {
            errors.add(PolicyParser.at(
                    file,
                    text,
                    field,
                    field + " is " + expression.length() + " characters long; the limit is " + maxLength));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = cel.compiler().compile(expression).getAst();
            CelType actual = ast.getResultType();
            if (!actual.equals(resultType) && !actual.equals(SimpleType.DYN)) {
                errors.add(PolicyParser.at(
                        file,
                        text,
                        field,
                        field + " must be a " + resultType.name().toLowerCase() + " expression, but it gives "
                                + actual.name().toLowerCase()));
                return null;
            }
            return cel.runtime().createProgram(ast);
        } catch (CelValidationException e) {
            String reason = e.getErrors().isEmpty()
                    ? e.getMessage()
                    : e.getErrors().get(0).getMessage();
            errors.add(PolicyParser.at(file, text, field, field + " does not compile: " + reason));
            return null;
        } catch (CelEvaluationException e) {
            errors.add(PolicyParser.at(file, text, field, field + " cannot be planned: " + e.getMessage()));
            return null;
        }
    }
}
