package dev.driftwatch.policy;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Clock;
import java.util.List;

/**
 * The CEL world policies are written in: {@code resource} (the resource's attributes plus type, id,
 * account, region, arn, created_at), {@code vars} (the policy's variables), the helper functions, and
 * the limits on size, nesting and iterations.
 */
final class CelEnvironment {

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    /** @param clock what {@code age_days} counts to */
    CelEnvironment(int maxLength, int maxNesting, int maxIterations, Clock clock) {
        CelOptions options = CelOptions.current()
                .maxExpressionCodePointSize(maxLength)
                .maxParseRecursionDepth(maxNesting)
                .comprehensionMaxIterations(maxIterations)
                .build();
        MapType dynMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // has, all, exists, exists_one, map, filter
                .addVar("resource", dynMap)
                .addVar("vars", dynMap)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration(
                                "cidr_is_public",
                                CelOverloadDecl.newGlobalOverload(
                                        "cidr_is_public_string", SimpleType.BOOL, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                "cidr_contains",
                                CelOverloadDecl.newGlobalOverload(
                                        "cidr_contains_string_string",
                                        SimpleType.BOOL,
                                        SimpleType.STRING,
                                        SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                "port_in_range",
                                CelOverloadDecl.newGlobalOverload(
                                        "port_in_range_int_int_int",
                                        SimpleType.BOOL,
                                        SimpleType.INT,
                                        SimpleType.INT,
                                        SimpleType.INT)),
                        CelFunctionDecl.newFunctionDeclaration(
                                "age_days",
                                CelOverloadDecl.newGlobalOverload(
                                        "age_days_string", SimpleType.INT, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                "tag",
                                CelOverloadDecl.newGlobalOverload(
                                        "tag_dyn_string", SimpleType.STRING, SimpleType.DYN, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                "missing_tags",
                                CelOverloadDecl.newGlobalOverload(
                                        "missing_tags_dyn_dyn", SimpleType.STRING, SimpleType.DYN, SimpleType.DYN)))
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addFunctionBindings(
                        CelFunctionBinding.from("cidr_is_public_string", String.class, PolicyFunctions::cidrIsPublic),
                        CelFunctionBinding.from(
                                "cidr_contains_string_string",
                                String.class,
                                String.class,
                                PolicyFunctions::cidrContains),
                        CelFunctionBinding.from(
                                "port_in_range_int_int_int",
                                List.of(Long.class, Long.class, Long.class),
                                args -> PolicyFunctions.portInRange((Long) args[0], (Long) args[1], (Long) args[2])),
                        CelFunctionBinding.from(
                                "age_days_string", String.class, t -> PolicyFunctions.ageDays(t, clock.instant())),
                        CelFunctionBinding.from("tag_dyn_string", Object.class, String.class, PolicyFunctions::tag),
                        CelFunctionBinding.from(
                                "missing_tags_dyn_dyn", Object.class, Object.class, PolicyFunctions::missingTags))
                .build();
    }

    CelCompiler compiler() {
        return compiler;
    }

    CelRuntime runtime() {
        return runtime;
    }
}
