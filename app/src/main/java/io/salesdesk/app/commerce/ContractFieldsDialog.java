package io.salesdesk.app.commerce;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.studio.field.CustomEntity;
import java.util.Map;
import javafx.scene.layout.GridPane;

/**
 * The company's own contract fields (自定义字段) of one contract, edited apart from its terms: a
 * contract's amount and parties change only through its own actions, its custom fields any time.
 */
final class ContractFieldsDialog extends FormDialog<Contract> {

    private final AppContext context;
    private final Contract contract;
    private final CustomFieldForm custom;

    ContractFieldsDialog(AppContext context, Contract contract) {
        super(I18n.get("contracts.fields.title", contract.contractNo()), "contractFieldsSave");
        this.context = context;
        this.contract = contract;
        GridPane grid = grid();
        custom = new CustomFieldForm(context, CustomEntity.CONTRACT, this::field);
        custom.layOut(grid, 0);
        custom.show(contract.id());
        grid.setPrefWidth(560);
        setForm(grid);
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
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
