package io.salesdesk.studio.template;

import io.salesdesk.studio.dashboard.DashboardLayoutService;
import io.salesdesk.studio.form.FormLayoutService;
import io.salesdesk.studio.onboarding.OnboardingService;

/**
 * The studio's own designers a template also installs into: form layouts, the team's dashboard and
 * onboarding paths.
 */
public record StudioAreas(FormLayoutService forms, DashboardLayoutService dashboards, OnboardingService onboarding) {
}
