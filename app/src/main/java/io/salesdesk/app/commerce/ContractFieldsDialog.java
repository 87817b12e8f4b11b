package io.salesdesk.app.commerce;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.studio.field.CustomEntity;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The company's own contract fields (自定义字段) of one contract, edited apart from its terms: a
 * contract's amount and parties change only through its own actions, its custom fields any time.
 * Only the fields the user changed are saved; one someone else changed meanwhile too is merged
 * field by field.
 */
final class ContractFieldsDialog extends FormDialog<Contract> {

    private final AppContext context;
    private final Contract contract;
    private final CustomFieldForm custom;

    ContractFieldsDialog(AppContext context, Contract contract) {
        super(I18n.get("contracts.fields.title", contract.contractNo()), "contractFieldsSave");
        this.context = context;
        this.contract = contract;
        custom = new CustomFieldForm(context, CustomEntity.CONTRACT, this::field);
        custom.show(contract.id());
        // The contract in words above its fields: the dialog opens over the list, away from its detail.
        Label about = new Label(contract.title() + " · " + contract.customerName());
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        VBox form = new VBox(14, about, custom.layOutAlone());
        form.setPrefWidth(560);
        setForm(form);
    }

    @Override
    protected void save() {
        Map<String, String> values = custom.values();
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    custom.check(contract.id(), values);
                    custom.save(actor, contract.id(), values);
                    return contract;
                })
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException stale && stale.current() instanceof Map<?, ?>) {
                        resolveConflict(values);
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /**
     * Someone changed a field the user changed too: their values are read with who changed what, the
     * user merges field by field, and the merge is saved over their values (coming back if someone
     * changed one again meanwhile).
     */
    private void resolveConflict(Map<String, String> mine) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> Map.entry(context.customFields().values(CustomEntity.CONTRACT, contract.id()),
                        context.contracts().history(actor, contract.id())))
                .onSuccess(theirs -> {
                    FieldMerge merge = FieldMerge.of(MergeFields.withCustom(Map.of(), custom.base()),
                            MergeFields.withCustom(Map.of(), mine), MergeFields.withCustom(Map.of(), theirs.getKey()));
                    Optional<Map<String, String>> merged = new FieldMergeDialog(contract.contractNo(), merge,
                            new MergeFields(context, CustomEntity.CONTRACT, Map.of(), (name, value) -> value)
                                    .words(theirs.getValue())).merged();
                    if (merged.isEmpty()) {
                        close();
                        return;
                    }
                    custom.rebase(theirs.getKey());
                    custom.showValues(MergeFields.customValues(merged.get()));
                    save();
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
