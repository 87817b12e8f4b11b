package io.salesdesk.studio.template;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what installing a template would do to the workspace as it is now: each item added, switched
 * back on, replaced, left as it is, merged (a choice field's missing choices), refused as a conflict, or —
 * for a newer version of an installed template — updated where the new version changed it and nobody
 * changed it here, kept where someone did.
 */
final class InstallPlanner {

    private final WorkspaceConfig config;
    private final Map<ItemKind, Map<String, ConfigItem>> current = new EnumMap<>(ItemKind.class);

    InstallPlanner(WorkspaceConfig config) {
        this.config = config;
    }

    InstallPlan plan(Template template, Optional<InstalledTemplate> installed) {
        Map<String, InstalledTemplate.InstalledItem> recorded = new LinkedHashMap<>();
        installed.ifPresent(i -> i.items().forEach(item -> recorded.put(id(item.kind(), item.key()), item)));
        boolean sameVersion = installed.isPresent() && installed.get().version() >= template.version();
        List<PlanLine> lines = new ArrayList<>();
        for (ConfigItem wanted : TemplateItems.of(template)) {
            ConfigItem existing = current(wanted.kind()).get(wanted.key());
            InstalledTemplate.InstalledItem record = recorded.get(id(wanted.kind(), wanted.key()));
            if (sameVersion) {
                lines.add(line(wanted, PlanLine.Action.EXISTS, null, null));
            } else if (record != null) {
                lines.add(upgrade(wanted, existing, record));
            } else if (wanted.kind() == ItemKind.FIELD) {
                lines.add(field(wanted, existing));
            } else {
                lines.add(plain(wanted, existing));
            }
        }
        return new InstallPlan(template, lines, installed.map(InstalledTemplate::version).orElse(0));
    }

    private PlanLine plain(ConfigItem wanted, ConfigItem existing) {
        PlanLine.Action action;
        if (wanted.kind().setting()) {
            action = existing == null ? PlanLine.Action.ADD
                    : TemplateFile.json(existing.item()).equals(TemplateFile.json(wanted.item()))
                    ? PlanLine.Action.EXISTS : PlanLine.Action.REPLACE;
        } else if (existing == null) {
            action = PlanLine.Action.ADD;
        } else {
            action = existing.dormant() ? PlanLine.Action.RESTORE : PlanLine.Action.EXISTS;
        }
        String existingLabel = action == PlanLine.Action.EXISTS && !wanted.kind().setting()
                && !existing.label().equals(wanted.label()) ? existing.label() : null;
        return line(wanted, action, existingLabel, null);
    }

    /**
     * A field is the workspace's when entity and key match and the type is the same: kept (its missing
     * choices added); another type, or the template's label used by a field under another key, cannot be
     * made one with the template's and is a conflict.
     */
    private PlanLine field(ConfigItem wanted, ConfigItem existing) {
        Template.Field f = (Template.Field) wanted.item();
        if (existing == null) {
            Optional<Template.Field> sameLabel = current(ItemKind.FIELD).values().stream()
                    .filter(c -> !c.dormant()).map(c -> (Template.Field) c.item())
                    .filter(c -> c.entity() == f.entity() && c.label().strip().equals(f.label().strip()))
                    .findFirst();
            return sameLabel.map(c -> line(wanted, PlanLine.Action.CONFLICT, null,
                            new PlanLine.Note(PlanLine.Reason.LABEL_TAKEN, List.of(c.key()))))
                    .orElseGet(() -> line(wanted, PlanLine.Action.ADD, null, null));
        }
        Template.Field have = (Template.Field) existing.item();
        if (have.type() != f.type()) {
            return line(wanted, PlanLine.Action.CONFLICT, null, new PlanLine.Note(PlanLine.Reason.TYPE_DIFFERS,
                    List.of(have.type().name(), f.type().name())));
        }
        List<String> missing = f.choices().stream().filter(c -> !have.choices().contains(c)).toList();
        if (existing.dormant()) {
            return line(wanted, PlanLine.Action.RESTORE, null, null);
        }
        String existingLabel = existing.label().equals(wanted.label()) ? null : existing.label();
        if (!missing.isEmpty()) {
            return line(wanted, PlanLine.Action.MERGE, existingLabel,
                    new PlanLine.Note(PlanLine.Reason.CHOICES_ADDED, missing));
        }
        return line(wanted, PlanLine.Action.EXISTS, existingLabel, null);
    }

    /** An item an earlier version of the template installed. */
    private PlanLine upgrade(ConfigItem wanted, ConfigItem existing, InstalledTemplate.InstalledItem record) {
        boolean templateChanged = record.templateState() != null
                ? !record.templateState().equals(ItemStates.templateState(wanted))
                : existing == null || !ItemStates.sameContent(wanted, existing);
        if (!templateChanged) {
            return line(wanted, PlanLine.Action.EXISTS, null, null);
        }
        if (existing == null) {
            return line(wanted, PlanLine.Action.ADD, null, null);
        }
        if (wanted.kind() == ItemKind.FIELD
                && ((Template.Field) existing.item()).type() != ((Template.Field) wanted.item()).type()) {
            return line(wanted, PlanLine.Action.CONFLICT, null, new PlanLine.Note(PlanLine.Reason.TYPE_DIFFERS,
                    List.of(((Template.Field) existing.item()).type().name(),
                            ((Template.Field) wanted.item()).type().name())));
        }
        boolean changedHere = !ItemStates.state(existing).equals(record.installedState());
        return line(wanted, changedHere ? PlanLine.Action.KEEP_CHANGED : PlanLine.Action.UPDATE, null, null);
    }

    private Map<String, ConfigItem> current(ItemKind kind) {
        return current.computeIfAbsent(kind, k -> {
            Map<String, ConfigItem> map = new LinkedHashMap<>();
            config.items(k).forEach(c -> map.putIfAbsent(c.key(), c));
            return map;
        });
    }

    private static PlanLine line(ConfigItem wanted, PlanLine.Action action, String existingLabel, PlanLine.Note note) {
        return new PlanLine(wanted.kind(), wanted.key(), wanted.label(), action, existingLabel, note);
    }

    static String id(ItemKind kind, String key) {
        return kind.name() + "|" + key;
    }
}
