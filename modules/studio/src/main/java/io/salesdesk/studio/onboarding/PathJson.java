package io.salesdesk.studio.onboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A path's stages as JSON, the form it is stored in and templates carry, and the checks a definition
 * must pass before anyone is put on it.
 */
public final class PathJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int TITLE_MAX = 200;

    private PathJson() {
    }

    /** The definition as indented JSON. */
    public static String write(PathDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("path could not be written as JSON", e);
        }
    }

    /**
     * Reads a definition and checks it.
     *
     * @throws ValidationException {@code studio.onboarding.malformed} naming the parser's complaint, or
     *                             the problems {@link #check} finds
     */
    public static PathDefinition read(String json) {
        PathDefinition definition;
        try {
            definition = JSON.readValue(json, PathDefinition.class);
        } catch (JsonProcessingException e) {
            throw new ValidationException(List.of(FieldProblem.of("definition", "studio.onboarding.malformed",
                    e.getOriginalMessage())));
        }
        check(definition);
        return definition;
    }

    /**
     * Checks a definition: at least one stage, stages in day order without gaps or overlaps, step keys
     * unique, each step titled and due within its stage, drills with a pass score of 1–100, feedback
     * forms with questions.
     *
     * @throws ValidationException with a problem per fault, naming the stage or step
     */
    public static void check(PathDefinition definition) {
        List<FieldProblem> problems = new ArrayList<>();
        if (definition.stages().isEmpty()) {
            problems.add(FieldProblem.of("stages", "studio.onboarding.noStages"));
        }
        Set<String> keys = new HashSet<>();
        int nextDay = 1;
        for (PathStage stage : definition.stages()) {
            if (stage.fromDay() != nextDay || stage.toDay() < stage.fromDay()) {
                problems.add(FieldProblem.of("stages", "studio.onboarding.stageDays", stage.name(), nextDay));
            }
            nextDay = stage.toDay() + 1;
            for (PathStep step : stage.steps()) {
                if (step.key() == null || step.key().isBlank() || !keys.add(step.key())) {
                    problems.add(FieldProblem.of("steps", "studio.onboarding.stepKey", String.valueOf(step.key())));
                }
                if (step.kind() == null || step.title() == null || step.title().isBlank()
                        || step.title().length() > TITLE_MAX) {
                    problems.add(FieldProblem.of("steps", "studio.onboarding.stepTitle", String.valueOf(step.key())));
                }
                if (step.dueDay() < stage.fromDay() || step.dueDay() > stage.toDay()) {
                    problems.add(FieldProblem.of("steps", "studio.onboarding.stepDay", String.valueOf(step.title()),
                            stage.name()));
                }
                if (step.kind() == StepKind.DRILL && (step.passScore() == null || step.passScore() < 1
                        || step.passScore() > 100)) {
                    problems.add(FieldProblem.of("steps", "studio.onboarding.passScore", String.valueOf(step.title())));
                }
                if (step.kind() == StepKind.FEEDBACK && step.questions().isEmpty()) {
                    problems.add(FieldProblem.of("steps", "studio.onboarding.questions", String.valueOf(step.title())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    static String writeRatings(Map<String, Integer> ratings) {
        try {
            return JSON.writeValueAsString(ratings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ratings could not be written as JSON", e);
        }
    }

    static Map<String, Integer> readRatings(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Integer>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ratings are not valid JSON: " + json, e);
        }
    }
}
