package io.salesdesk.app.settings;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.AppearancePreferences.Language;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.db.WorkspaceLanguage;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * 系统消息语言: the one language the reminders, escalations and coaching prompts are written in for
 * the whole company, whatever each computer's own language. Company-wide roles only.
 */
final class MessageLanguageSection extends VBox {

    MessageLanguageSection(AppContext context) {
        setId("messageLanguageSection");
        ComboBox<Language> language = Pickers.of(List.of(Language.values()),
                l -> I18n.get("settings.language." + l.name()), "");
        language.setId("messageLanguagePicker");
        language.setPrefWidth(320);
        language.setValue(Language.forLocale(context.messageLanguage()));
        Label saved = new Label();
        saved.setId("messageLanguageSaved");
        language.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != old) {
                BackgroundTask.wrap(() -> WorkspaceLanguage.set(context.database(), now.locale()))
                        .onSuccess(l -> saved.setText(I18n.get("settings.messageLanguage.saved")))
                        .onFailure(ErrorDialogs::show).executeWith(context.executor());
            }
        });
        Label label = new Label(I18n.get("settings.messageLanguage.label"));
        label.setMinWidth(96);
        HBox row = new HBox(16, label, language, saved);
        row.setAlignment(Pos.CENTER_LEFT);
        SettingsPage.fillSection(this, I18n.get("settings.messageLanguage"), I18n.get("settings.messageLanguage.hint"),
                row);
    }
}
