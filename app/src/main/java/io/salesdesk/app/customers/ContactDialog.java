package io.salesdesk.app.customers;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.app.studio.forms.LaidOutForm;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Customer;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormLayout;

/** Adds a contact person (联系人) to a customer. */
public final class ContactDialog extends FormDialog<Contact> {

    private final AppContext context;
    private final Customer customer;
    private final Consumer<Contact> onSaved;
    private final TextField name = new TextField();
    private final TextField title = new TextField();
    private final TextField mobile = new TextField();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final TextField wechat = new TextField();
    private final CheckBox primary = new CheckBox(I18n.get("contact.primary.yes"));
    private final CustomFieldForm custom;
    private final LaidOutForm laidOut;

    private ContactDialog(AppContext context, Customer customer, Consumer<Contact> onSaved, FormLayout layout) {
        super(I18n.get(customer == null ? "studio.form.previewContactTitle" : "contact.newTitle"), "contactSave");
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
        Map<String, FormField> fields = new LinkedHashMap<>();
        fields.put("name", field("name", I18n.get("contact.name"), name));
        fields.put("title", field("title", I18n.get("contact.jobTitle"), title));
        fields.put("mobile", field("mobile", I18n.get("contact.mobile"), mobile));
        fields.put("phone", field("phone", I18n.get("contact.phone"), phone));
        fields.put("email", field("email", I18n.get("contact.email"), email));
        fields.put("wechat", field("wechat", I18n.get("contact.wechat"), wechat));
        fields.put("primary", field("primary", I18n.get("contact.primary"), primary));
        // The company's own contact fields (自定义字段), where the contact form's layout puts them.
        custom = new CustomFieldForm(context, CustomEntity.CONTACT, this::field);
        fields.putAll(custom.formFields());
        laidOut = new LaidOutForm(layout, context.currentUser().role(), true, fields, this::namedValues);
        custom.show(null);
        Label who = new Label(customer == null ? I18n.get("studio.form.previewCustomer") : customer.name());
        who.getStyleClass().add(Styles.TITLE_4);
        VBox form = new VBox(12, who, laidOut.node());
        form.setPrefWidth(520);
        setForm(form);
        if (customer == null) {
            // A preview checks what was filled in and saves nothing.
            ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("studio.form.previewCheck"));
        }
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
        new ContactDialog(context, customer, onSaved, context.formLayouts().layout(CustomEntity.CONTACT)).show();
    }

    /** The 新建联系人 form as a layout not yet saved would draw it: it checks, and saves nothing. */
    public static ContactDialog preview(AppContext context, FormLayout layout) {
        return new ContactDialog(context, null, contact -> { }, layout);
    }

    /** The values in the form by their name on the layout, as its visibility conditions compare them. */
    private Map<String, String> namedValues() {
        Map<String, String> values = new HashMap<>(custom.namedValues());
        values.put("name", text(name));
        values.put("title", text(title));
        values.put("mobile", text(mobile));
        values.put("phone", text(phone));
        values.put("email", text(email));
        values.put("wechat", text(wechat));
        values.put("primary", Boolean.toString(primary.isSelected()));
        return values;
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
        List<FieldProblem> missing = laidOut.missing();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value or an empty required field saves nothing,
                    // not a contact without it; every problem shows at once.
                    custom.check(null, customValues, missing);
                    if (customer == null) {
                        return null;
                    }
                    Contact contact = context.customers().addContact(actor, customer.id(), draft);
                    custom.save(actor, contact.id(), customValues);
                    return contact;
                })
                .onSuccess(contact -> {
                    if (contact == null) {
                        showGeneralProblem(I18n.get("studio.form.previewChecked"));
                        return;
                    }
                    finish(contact);
                    onSaved.accept(contact);
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
