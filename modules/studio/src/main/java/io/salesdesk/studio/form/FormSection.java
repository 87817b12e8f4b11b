package io.salesdesk.studio.form;

import java.util.List;
import java.util.Locale;

/**
 * A titled part of a form (分组), with one or two columns and its fields in order.
 *
 * @param titleZh the title shown in Chinese
 * @param titleEn the title shown in English; the Chinese one when left blank
 * @param columns 1 or 2
 */
public record FormSection(String titleZh, String titleEn, int columns, List<FormPlacement> fields) {

    public FormSection {
        fields = List.copyOf(fields);
    }

    /** The title in a language, falling back to the other one when it is blank. */
    public String title(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        String wanted = chinese ? titleZh : titleEn;
        String other = chinese ? titleEn : titleZh;
        return wanted == null || wanted.isBlank() ? (other == null ? "" : other) : wanted;
    }

    public FormSection withFields(List<FormPlacement> now) {
        return new FormSection(titleZh, titleEn, columns, now);
    }
}
