/**
 * Onboarding paths (新员工成长路径): stages of days with learning tasks, drills scored by the mentor and
 * mentor feedback forms, given to a new hire and tracked on their My Day and their manager's.
 */
package io.salesdesk.studio.onboarding;
