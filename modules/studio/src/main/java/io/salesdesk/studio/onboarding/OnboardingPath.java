package io.salesdesk.studio.onboarding;

import java.util.UUID;

/** A saved onboarding path that managers give to new hires. */
public record OnboardingPath(UUID id, String name, String description, PathDefinition definition, long version) {
}
