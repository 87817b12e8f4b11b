package io.salesdesk.app.customers;

import java.util.function.Consumer;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Customer;
import io.salesdesk.studio.field.CustomEntity;

/** Adds a contact person (联系人) to a customer. */
final class ContactDialog extends FormDialog<Contact> {

    private final AppContext context;
    private final Customer customer;
    private final Consumer<Contact> onSaved;
    private final TextField name = new TextField();
    private final TextField title = new TextField();
    private final TextField mobile = new TextField();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final TextField wechat = new TextField();
    private final CheckBox primary = new CheckBox(I18n.get("contact.primary"));
    private final CustomFieldForm custom;

    private ContactDialog(AppContext context, Customer customer, Consumer<Contact> onSaved) {
        super(I18n.get("contact.newTitle"), "contactSave");
        this.context = context;
        this.customer = customer;
        this.onSaved = onSaved;
        name.setId("contactName");
        title.setId("contactTitle");
        title.setPromptText(I18n.get("contact.title.prompt"));
        mobile.setId("contactMobile");
        phone.setId("contactPhone");
        email.setId("contactEmail");
        wechat.setId("contactWechat");
        primary.setId("contactPrimary");
        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(field("name", I18n.get("contact.name"), name), 0, 0);
        grid.add(field("title", I18n.get("contact.jobTitle"), title), 1, 0);
        grid.add(field("mobile", I18n.get("contact.mobile"), mobile), 0, 1);
        grid.add(field("phone", I18n.get("contact.phone"), phone), 1, 1);
        grid.add(field("email", I18n.get("contact.email"), email), 0, 2);
        grid.add(field("wechat", I18n.get("contact.wechat"), wechat), 1, 2);
        grid.add(primary, 0, 3, 2, 1);
        // The company's own contact fields (自定义字段) after the standard ones.
        custom = new CustomFieldForm(context, CustomEntity.CONTACT, this::field);
        custom.layOut(grid, 4);
        custom.show(null);
        Label who = new Label(customer.name());
        who.getStyleClass().add(Styles.TITLE_4);
        VBox form = new VBox(12, who, grid);
        form.setPrefWidth(520);
        setForm(form);
        mobile.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                checkNumber(mobile, "mobile", "contact.mobile.invalid");
            }
        });
        phone.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                checkNumber(phone, "phone", "contact.phone.invalid");
            }
        });
        setOnShown(e -> name.requestFocus());
    }

    static void open(AppContext context, Customer customer, Consumer<Contact> onSaved) {
        new ContactDialog(context, customer, onSaved).show();
    }

    private boolean checkNumber(TextField field, String fieldName, String key) {
        String raw = text(field);
        boolean ok = raw == null || PhoneNumber.normalise(raw).isPresent();
        fieldNamed(fieldName).showProblem(ok ? null : I18n.get(key));
        return ok;
    }

    @Override
    protected void save() {
        boolean ok = checkNumber(mobile, "mobile", "contact.mobile.invalid")
                & checkNumber(phone, "phone", "contact.phone.invalid");
        if (!ok) {
            return;
        }
        ContactDraft draft = new ContactDraft(text(name), text(title), text(mobile), text(phone), text(email),
                text(wechat), primary.isSelected(), null);
        var actor = context.currentUser().asActor();
        var customValues = custom.values();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value saves nothing, not a contact without it.
                    custom.check(null, customValues);
                    Contact contact = context.customers().addContact(actor, customer.id(), draft);
                    custom.save(actor, contact.id(), customValues);
                    return contact;
                })
                .onSuccess(contact -> {
                    finish(contact);
                    onSaved.accept(contact);
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
