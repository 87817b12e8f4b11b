package io.salesdesk.studio.template;

import static io.salesdesk.db.jooq.Tables.TEMPLATE_INSTALL;
import static io.salesdesk.db.jooq.Tables.TEMPLATE_ITEM;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.TemplateInstallRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;

/** The installed templates ({@code template_install}) and what each added ({@code template_item}). */
public final class TemplateInstallRepository {

    static final String ENTITY = "template_install";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private TemplateInstallRepository(Configuration configuration, Clock clock) {
        this.dsl = org.jooq.impl.DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static TemplateInstallRepository using(Configuration configuration, Clock clock) {
        return new TemplateInstallRepository(configuration, clock);
    }

    /** Every installed template with its items, oldest install first. */
    public List<InstalledTemplate> all() {
        return dsl.selectFrom(TEMPLATE_INSTALL).where(TEMPLATE_INSTALL.DELETED_AT.isNull())
                .orderBy(TEMPLATE_INSTALL.CREATED_AT).fetch().stream().map(this::toInstalled).toList();
    }

    public Optional<InstalledTemplate> find(String templateId) {
        return dsl.selectFrom(TEMPLATE_INSTALL)
                .where(TEMPLATE_INSTALL.TEMPLATE_ID.eq(templateId), TEMPLATE_INSTALL.DELETED_AT.isNull())
                .fetchOptional().map(this::toInstalled);
    }

    void insert(Actor actor, ChangeReason reason, UUID id, Template template, String name,
                List<InstalledTemplate.InstalledItem> items) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(TEMPLATE_INSTALL).set(TEMPLATE_INSTALL.ID, id).set(TEMPLATE_INSTALL.TEMPLATE_ID, template.id())
                .set(TEMPLATE_INSTALL.TEMPLATE_VERSION, template.version()).set(TEMPLATE_INSTALL.NAME, name)
                .set(TEMPLATE_INSTALL.VERSION, 1L).set(TEMPLATE_INSTALL.CREATED_AT, now)
                .set(TEMPLATE_INSTALL.CREATED_BY, Rows.userId(actor)).set(TEMPLATE_INSTALL.UPDATED_AT, now)
                .set(TEMPLATE_INSTALL.UPDATED_BY, Rows.userId(actor)).execute();
        insertItems(id, items);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(),
                Map.of("templateId", template.id(), "templateVersion", template.version(), "items", items.size())));
    }

    /** Records an upgrade: the install now stands for the newer version, with these items. */
    void upgrade(Actor actor, ChangeReason reason, InstalledTemplate installed, Template template, String name,
                 List<InstalledTemplate.InstalledItem> items) {
        dsl.update(TEMPLATE_INSTALL).set(TEMPLATE_INSTALL.TEMPLATE_VERSION, template.version())
                .set(TEMPLATE_INSTALL.NAME, name).set(TEMPLATE_INSTALL.VERSION, TEMPLATE_INSTALL.VERSION.plus(1))
                .set(TEMPLATE_INSTALL.UPDATED_AT, Rows.now(clock)).set(TEMPLATE_INSTALL.UPDATED_BY, Rows.userId(actor))
                .where(TEMPLATE_INSTALL.ID.eq(installed.id())).execute();
        dsl.deleteFrom(TEMPLATE_ITEM).where(TEMPLATE_ITEM.INSTALL_ID.eq(installed.id())).execute();
        insertItems(installed.id(), items);
        changeLog.record(actor, reason, ENTITY, installed.id(), ChangeEntry.Operation.UPDATE, FieldChange.diff(
                Map.of("templateVersion", installed.version(), "items", installed.items().size()),
                Map.of("templateVersion", template.version(), "items", items.size())));
    }

    private void insertItems(UUID id, List<InstalledTemplate.InstalledItem> items) {
        var insert = dsl.insertInto(TEMPLATE_ITEM, TEMPLATE_ITEM.INSTALL_ID, TEMPLATE_ITEM.POSITION, TEMPLATE_ITEM.KIND,
                TEMPLATE_ITEM.ITEM_KEY, TEMPLATE_ITEM.ITEM_ID, TEMPLATE_ITEM.INSTALLED_STATE,
                TEMPLATE_ITEM.PREVIOUS_VALUE, TEMPLATE_ITEM.TEMPLATE_STATE);
        for (int i = 0; i < items.size(); i++) {
            InstalledTemplate.InstalledItem it = items.get(i);
            insert = insert.values(id, i + 1, it.kind().name(), it.key(), it.itemId(), it.installedState(),
                    it.previousValue(), it.templateState());
        }
        if (!items.isEmpty()) {
            insert.execute();
        }
    }

    /** Forgets an install (its items were removed or kept by the uninstall). */
    void delete(Actor actor, ChangeReason reason, InstalledTemplate installed) {
        dsl.deleteFrom(TEMPLATE_ITEM).where(TEMPLATE_ITEM.INSTALL_ID.eq(installed.id())).execute();
        dsl.deleteFrom(TEMPLATE_INSTALL).where(TEMPLATE_INSTALL.ID.eq(installed.id())).execute();
        changeLog.record(actor, reason, ENTITY, installed.id(), ChangeEntry.Operation.DELETE, FieldChange.diff(
                Map.of("templateId", installed.templateId(), "templateVersion", installed.version()), Map.of()));
    }

    private InstalledTemplate toInstalled(TemplateInstallRecord r) {
        List<InstalledTemplate.InstalledItem> items = dsl.selectFrom(TEMPLATE_ITEM)
                .where(TEMPLATE_ITEM.INSTALL_ID.eq(r.getId())).orderBy(TEMPLATE_ITEM.POSITION).fetch()
                .map(i -> new InstalledTemplate.InstalledItem(ItemKind.valueOf(i.getKind()), i.getItemKey(),
                        i.getItemId(), i.getInstalledState(), i.getPreviousValue(), i.getTemplateState()));
        return new InstalledTemplate(r.getId(), r.getTemplateId(), r.getTemplateVersion(), r.getName(),
                r.getCreatedAt(), items);
    }
}
