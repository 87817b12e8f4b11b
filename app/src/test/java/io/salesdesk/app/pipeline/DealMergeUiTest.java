package io.salesdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A deal saved by a colleague while the user edits it is merged field by field, nothing lost. */
@ExtendWith(ApplicationExtension.class)
class DealMergeUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Actor admin;
    static Customer customer;
    static OpportunityService colleagueDesk;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        admin = app.me();
        customer = context.customers().page(admin, CustomerQuery.all(), 0, 1).get(0);
        colleagueDesk = new OpportunityService(context.database(), UiTestWorkspace.CLOCK);
    }

    private static OpportunityDraft draft(Opportunity o, String name, BigDecimal amount, String products) {
        return new OpportunityDraft(o.customerId(), name, o.ownerId(), o.stage(), amount, o.expectedCloseOn(),
                o.probability(), products, o.closeReason());
    }

    @Test
    void theirAmountAndMyProductsAreKeptAndANameBothChangedMustBeChosen(FxRobot robot) throws Exception {
        String stage = context.opportunities().stages().get(0).code();
        Opportunity deal = context.opportunities().create(admin, new OpportunityDraft(customer.id(), "CT 采购",
                null, stage, new BigDecimal("100000"), null, null, "CT", null));
        robot.interact(() -> OpportunityFormDialog.edit(context, deal).show());
        WaitForAsyncUtils.waitForFxEvents();
        colleagueDesk.update(admin, deal.id(), deal.version(), draft(deal, "CT 采购（二期）", new BigDecimal("250000"),
                deal.products()));
        robot.interact(() -> {
            robot.lookup("#opportunityProducts").queryAs(TextField.class).setText("CT, MRI");
            robot.lookup("#opportunityName").queryAs(TextField.class).setText("CT 与 MRI 采购");
        });

        robot.clickOn("#opportunitySave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mergeTheirs-amount").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#mergeMine-products").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#mergeSave").query().isDisabled()).isTrue();
        robot.clickOn("#mergeTheirs-name");
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#opportunitySave").tryQuery().isEmpty());

        Opportunity saved = context.opportunities().find(admin, deal.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo("CT 采购（二期）");
        assertThat(saved.amount()).isEqualByComparingTo("250000");
        assertThat(saved.products()).isEqualTo("CT, MRI");
    }
}
