package io.salesdesk.workflow.approval.flow;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles and evaluates the CEL expressions of flow conditions. CEL has no statements, no I/O and
 * no way to call Java, so evaluating a condition cannot change anything; its cost is bounded by the
 * expression's length, the parser's nesting depth and a cap on the iterations of list macros.
 *
 * <p>A flow does not declare the types of its record's fields, so every name an expression uses is
 * declared as a dynamic variable: the type check still refuses what can never work (text plus a
 * number, a result that is not true or false), and the rest is decided on the values.
 */
public final class CelConditions {

    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 2000;
    private static final int MAX_CACHED = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(CelConditions.class);
    /** Names CEL reads as types in conversions such as {@code type(x) == string}, never fields. */
    private static final Set<String> TYPE_NAMES = Set.of("int", "uint", "double", "bool", "string", "bytes",
            "list", "map", "null_type", "type", "dyn");

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(1000)
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxParseRecursionDepth(64)
            .build();
    private static final CelCompiler PARSER = compilerBuilder().build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .build();
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private CelConditions() {
    }

    /** A compiled expression and the variables it reads. */
    private record Compiled(CelRuntime.Program program, Set<String> variables) {
    }

    /**
     * Why the expression cannot be used, in CEL's words (the position and what was expected), or
     * empty when it compiles to a true-or-false condition.
     */
    public static Optional<String> problem(String source) {
        try {
            compiled(source);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Whether the expression holds for the record's fields. A runtime error (a missing field used
     * in a comparison, text compared with a number) or a result that is not a boolean counts as
     * "does not hold" and is logged: a condition only decides which branch a request takes, and a
     * submission must not fail because one branch could not be decided for one record; the branch
     * simply is not taken, as a field test on a missing field is not. The validator refuses
     * expressions that cannot compile, so only value-dependent errors reach this point.
     */
    public static boolean holds(String source, Map<String, ?> fields) {
        Compiled compiled;
        try {
            compiled = compiled(source);
        } catch (Refused e) {
            // Only a flow saved before expressions were checked (or edited outside the app) gets here.
            LOG.warn("Approval condition does not compile, taken as false: {}: {}", source, e.getMessage());
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        for (String name : compiled.variables()) {
            variables.put(name, value(fields.get(name)));
        }
        try {
            Object result = compiled.program().eval(variables);
            if (result instanceof Boolean b) {
                return b;
            }
            LOG.info("Approval condition gave {} instead of true or false, taken as false: {}", result, source);
            return false;
        } catch (CelEvaluationException | RuntimeException e) {
            LOG.info("Approval condition could not be evaluated, taken as false: {}: {}", source, e.getMessage());
            return false;
        }
    }

    private static Compiled compiled(String source) {
        Compiled found = CACHE.get(source);
        if (found != null) {
            return found;
        }
        Compiled made = compile(source);
        if (CACHE.size() >= MAX_CACHED) {
            // Flows hold a few dozen expressions; only a designer typing many variants gets here.
            CACHE.clear();
        }
        CACHE.put(source, made);
        return made;
    }

    private static Compiled compile(String source) {
        if (source.isBlank()) {
            throw new Refused("empty expression");
        }
        if (source.length() > MAX_LENGTH) {
            throw new Refused("longer than " + MAX_LENGTH + " characters");
        }
        try {
            CelAbstractSyntaxTree parsed = PARSER.parse(source).getAst();
            Set<String> variables = new TreeSet<>();
            CelNavigableAst.fromAst(parsed).getRoot().allNodes()
                    .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.IDENT)
                    .map(n -> n.expr().ident().name())
                    .filter(name -> !TYPE_NAMES.contains(name) && !name.startsWith("@") && !name.startsWith("__"))
                    .forEach(variables::add);
            CelCompilerBuilder checker = compilerBuilder();
            variables.forEach(name -> checker.addVar(name, SimpleType.DYN));
            CelAbstractSyntaxTree checked = checker.build().check(parsed).getAst();
            CelKind kind = checked.getResultType().kind();
            if (kind != CelKind.BOOL && kind != CelKind.DYN) {
                throw new Refused("gives " + checked.getResultType().name() + ", not true or false");
            }
            return new Compiled(RUNTIME.createProgram(checked), Set.copyOf(variables));
        } catch (CelValidationException e) {
            throw new Refused(firstLines(e.getMessage()));
        } catch (CelEvaluationException e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * CEL's report without the source excerpt and caret lines it adds under each error (the
     * designer shows the expression itself): "1:9: mismatched input '<EOF>' …".
     */
    private static String firstLines(String report) {
        return report.lines().filter(l -> l.startsWith("ERROR:"))
                .map(l -> l.replaceFirst("^ERROR: <input>:", "").strip())
                .reduce((a, b) -> a + "; " + b).orElse(report.strip());
    }

    private static CelCompilerBuilder compilerBuilder() {
        return CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    }

    /** A field's value as CEL reads it: numbers as double, text as string, nothing as null. */
    private static Object value(Object v) {
        if (v == null) {
            return com.google.protobuf.NullValue.NULL_VALUE;
        }
        if (v instanceof Boolean || v instanceof String || v instanceof Double) {
            return v;
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        // Ids, dates, enums and anything else read as their text.
        return v.toString();
    }

    /** An expression that cannot be compiled, with CEL's reason. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
