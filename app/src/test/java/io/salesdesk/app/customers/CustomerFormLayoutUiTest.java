package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.form.VisibleWhen;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The customer form drawn from a saved layout: its sections in order, a field shown only for tenders,
 * required fields asked for by name before anything is saved, and a field read-only for reps.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerFormLayoutUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static CustomField source;
    static CustomField tender;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        var manager = context.currentUser().asActor();
        source = context.customFields().define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("客户来源",
                "source", FieldType.SINGLE_CHOICE, List.of("展会", "招标", "转介绍"), false, null, null));
        tender = context.customFields().define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("招标编号",
                "tender_no", FieldType.TEXT, List.of(), false, null, null));
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    private static void saveLayout(List<FormSection> sections) {
        FormLayout now = context.formLayouts().layout(CustomEntity.CUSTOMER);
        context.formLayouts().save(context.currentUser().asActor(), CustomEntity.CUSTOMER, now.version(), sections);
    }

    private static FormField formField(FxRobot robot, String controlId) {
        return (FormField) robot.lookup("#" + controlId).query().getParent();
    }

    @Test
    void aTenderNumberIsShownAndAskedForOnlyWhenTheCustomerCameFromATender(FxRobot robot) throws Exception {
        saveLayout(List.of(
                new FormSection("招投标", "Tender", 1, List.of(
                        FormPlacement.of("custom.source", false),
                        new FormPlacement("custom.tender_no", true, false,
                                new VisibleWhen("custom.source", VisibleWhen.Operator.EQUALS, "招标"), Set.of()))),
                new FormSection("基本信息", "Basic", 2, List.of(
                        FormPlacement.of("name", true).withRequired(true),
                        FormPlacement.of("tier", false).withRequired(true),
                        FormPlacement.of("phone", false).withRequired(true),
                        FormPlacement.of("ownerId", false)))));

        robot.clickOn("#nav-CUSTOMERS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newCustomer");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".form-section-title").queryAllAs(Label.class)).extracting(Label::getText)
                .startsWith("招投标", "基本信息");
        FormField tenderField = formField(robot, "custom-tender_no");
        assertThat(tenderField.isVisible()).isFalse();
        assertThat(formField(robot, "customerPhone").labelText()).isEqualTo("电话");

        @SuppressWarnings("unchecked")
        ComboBox<String> sourceBox = robot.lookup("#custom-source").queryAs(ComboBox.class);
        robot.interact(() -> {
            robot.lookup("#customerName").queryAs(TextField.class).setText("宁波招标测试医院");
            sourceBox.setValue("招标");
        });
        assertThat(tenderField.isVisible()).isTrue();

        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tenderField.problemLabel().getText()).isEqualTo("“招标编号”为必填项。");
        assertThat(formField(robot, "customerPhone").problemLabel().getText()).isEqualTo("“电话”为必填项。");
        assertThat(context.customers().page(context.currentUser().asActor(),
                CustomerQuery.all().withText("宁波招标测试医院"), 0, 5)).isEmpty();

        // A source that is no tender hides the number again and stops asking for it.
        robot.interact(() -> sourceBox.setValue("展会"));
        assertThat(tenderField.isVisible()).isFalse();
        robot.interact(() -> {
            sourceBox.setValue("招标");
            robot.lookup("#custom-tender_no").queryAs(TextField.class).setText("ZB-2026-118");
            robot.lookup("#customerPhone").queryAs(TextField.class).setText("0574-87001234");
        });
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerSave").tryQuery().isEmpty());

        Customer saved = context.customers().page(context.currentUser().asActor(),
                CustomerQuery.all().withText("宁波招标测试医院"), 0, 5).get(0);
        assertThat(context.customFields().values(CustomEntity.CUSTOMER, saved.id()))
                .containsOnly(entry("source", "招标"), entry("tender_no", "ZB-2026-118"));
    }

    @Test
    void aTierReadOnlyForRepsIsLockedWhenARepEditsButNotForTheirManager(FxRobot robot) {
        saveLayout(List.of(new FormSection("基本信息", "Basic", 2, List.of(
                FormPlacement.of("name", true).withRequired(true),
                FormPlacement.of("tier", false).withRequired(true).withReadOnlyFor(Set.of(Role.REP))))));
        User manager = context.currentUser();
        User rep = context.users().all().stream().filter(u -> u.role() == Role.REP).findFirst().orElseThrow();
        Customer customer = context.customers().page(manager.asActor(), CustomerQuery.all(), 0, 1).get(0);
        try {
            context.setCurrentUser(rep);
            robot.interact(() -> CustomerFormDialog.edit(context, new EventBus(), customer, id -> { }).show());
            Node tier = robot.lookup("#customerTier").query();
            assertThat(tier.isDisabled()).isTrue();
            assertThat(robot.lookup("#customerName").query().isDisabled()).isFalse();
            robot.interact(() -> tier.getScene().getWindow().hide());

            context.setCurrentUser(manager);
            robot.interact(() -> CustomerFormDialog.edit(context, new EventBus(), customer, id -> { }).show());
            assertThat(robot.lookup("#customerTier").query().isDisabled()).isFalse();
            robot.interact(() -> robot.lookup("#customerTier").query().getScene().getWindow().hide());
        } finally {
            context.setCurrentUser(manager);
        }
    }

    @Test
    void theContactFormAsksForAMobileAndShowsTheHobbyOnlyForTheMainContact(FxRobot robot) throws Exception {
        var manager = context.currentUser().asActor();
        context.customFields().define(manager, CustomEntity.CONTACT, new CustomFieldDraft("爱好", "hobby",
                FieldType.TEXT, List.of(), false, null, null));
        long version = context.formLayouts().layout(CustomEntity.CONTACT).version();
        context.formLayouts().save(manager, CustomEntity.CONTACT, version, List.of(
                new FormSection("联系方式", "Contact", 2, List.of(
                        FormPlacement.of("name", false).withRequired(true),
                        FormPlacement.of("mobile", false).withRequired(true),
                        FormPlacement.of("primary", true),
                        new FormPlacement("custom.hobby", false, true,
                                new VisibleWhen("primary", VisibleWhen.Operator.EQUALS, "true"), Set.of())))));
        Customer customer = context.customers().page(manager, CustomerQuery.all(), 0, 1).get(0);
        int before = context.customers().open(manager, customer.id()).orElseThrow().contacts().size();

        robot.interact(() -> ContactDialog.open(context, customer, contact -> { }));
        FormField hobby = formField(robot, "custom-hobby");
        assertThat(hobby.isVisible()).isFalse();
        robot.interact(() -> {
            robot.lookup("#contactName").queryAs(TextField.class).setText("周敏");
            robot.lookup("#contactPrimary").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        assertThat(hobby.isVisible()).isTrue();

        robot.clickOn("#contactSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(formField(robot, "contactMobile").problemLabel().getText()).isEqualTo("“手机”为必填项。");
        assertThat(context.customers().open(manager, customer.id()).orElseThrow().contacts()).hasSize(before);

        robot.interact(() -> {
            robot.lookup("#contactMobile").queryAs(TextField.class).setText("13912345678");
            robot.lookup("#custom-hobby").queryAs(TextField.class).setText("羽毛球");
        });
        robot.clickOn("#contactSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#contactSave").tryQuery().isEmpty());
        var saved = context.customers().open(manager, customer.id()).orElseThrow().contacts().stream()
                .filter(c -> c.name().equals("周敏")).findFirst().orElseThrow();
        assertThat(context.customFields().values(CustomEntity.CONTACT, saved.id())).containsOnly(entry("hobby", "羽毛球"));
    }
}
