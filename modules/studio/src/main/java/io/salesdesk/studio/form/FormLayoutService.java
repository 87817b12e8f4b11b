package io.salesdesk.studio.form;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldRepository;
import io.salesdesk.studio.field.CustomFieldService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Configuration;

/**
 * Form layouts (表单设计): a manager or an administrator arranges an entity's form in sections and
 * columns, marks fields required, shown only when another field has a value, or read-only for roles;
 * every form of the entity is drawn from it. Without a saved layout the form is today's default.
 */
public final class FormLayoutService {

    private final Database db;
    private final Clock clock;
    private final Locale locale;

    /** @param locale the workspace's language, in which a refused layout names its fields */
    public FormLayoutService(Database db, Clock clock, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.locale = locale;
    }

    /** The layout an entity's form is drawn from now (the default one when none is saved). */
    public FormLayout layout(CustomEntity entity) {
        return db.transactionResult(cfg -> layout(cfg, entity));
    }

    /** The fields an entity's form can show: its own, then its custom fields in use. */
    public List<PlaceableField> fields(CustomEntity entity) {
        return db.transactionResult(cfg -> fields(cfg, entity));
    }

    /**
     * Saves an entity's layout on the version the designer opened.
     *
     * @throws ValidationException naming each section or field that cannot be saved so
     * @throws io.salesdesk.core.StaleRecordException if someone saved the layout since
     */
    public FormLayout save(Actor actor, CustomEntity entity, long expectedVersion, List<FormSection> sections) {
        requireConfigure(actor, entity);
        return db.transactionResult(cfg -> {
            List<PlaceableField> fields = fields(cfg, entity);
            List<FieldProblem> problems = FormLayouts.problems(sections, fields, locale);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            List<FormSection> trimmed = sections.stream().map(s -> new FormSection(Rows.blankToNull(s.titleZh()),
                    Rows.blankToNull(s.titleEn()), s.columns(), s.fields())).toList();
            // What the designer left in its palette stays off the form; fields added later will not.
            java.util.Set<String> placed = new java.util.HashSet<>();
            sections.forEach(s -> s.fields().forEach(p -> placed.add(p.field())));
            List<String> leftOff = fields.stream().map(PlaceableField::name).filter(n -> !placed.contains(n)).toList();
            repository(cfg).save(Rows.userId(actor), entity, expectedVersion, trimmed, leftOff);
            return layout(cfg, entity);
        });
    }

    /**
     * Goes back to the default layout (恢复默认); fields placed since stay on the form in the trailing
     * section.
     *
     * @throws io.salesdesk.core.StaleRecordException if someone saved the layout since
     */
    public FormLayout reset(Actor actor, CustomEntity entity, long expectedVersion) {
        requireConfigure(actor, entity);
        return db.transactionResult(cfg -> {
            repository(cfg).save(Rows.userId(actor), entity, expectedVersion, null, List.of());
            return layout(cfg, entity);
        });
    }

    private FormLayout layout(Configuration cfg, CustomEntity entity) {
        FormLayoutRepository.Stored stored = repository(cfg).find(entity);
        return FormLayouts.resolve(entity, stored.sections(), stored.leftOff(), stored.version(),
                fields(cfg, entity));
    }

    private List<PlaceableField> fields(Configuration cfg, CustomEntity entity) {
        List<PlaceableField> fields = new ArrayList<>(BuiltInFields.of(entity));
        CustomFieldRepository.using(cfg, clock).fields(entity, false).stream().map(PlaceableField::of)
                .forEach(fields::add);
        return fields;
    }

    private static void requireConfigure(Actor actor, CustomEntity entity) {
        if (!CustomFieldService.mayConfigure(actor)) {
            throw new SalesDeskException("studio.form.notAllowed");
        }
        if (!BuiltInFields.designable(entity)) {
            throw new SalesDeskException("studio.form.notDesignable");
        }
    }

    private FormLayoutRepository repository(Configuration cfg) {
        return FormLayoutRepository.using(cfg, clock);
    }
}
