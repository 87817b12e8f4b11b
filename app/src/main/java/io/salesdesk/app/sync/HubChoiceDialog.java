package io.salesdesk.app.sync;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

/** Asked once on a replica: which connection profile is the head office this branch syncs with. */
final class HubChoiceDialog {

    private HubChoiceDialog() {
    }

    /** The chosen profile's name; empty if cancelled or there is no server profile to choose. */
    static Optional<String> ask(ConnectionProfiles profiles, Window owner) {
        List<String> names = profiles.all().stream().map(ConnectionProfile::name).toList();
        if (names.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION, I18n.get("sync.hub.none"), ButtonType.OK);
            none.setTitle(I18n.get("sync.hub.title"));
            none.setHeaderText(I18n.get("sync.hub.noneHeader"));
            none.initOwner(owner);
            Stylesheets.addTo(none.getDialogPane());
            none.showAndWait();
            return Optional.empty();
        }
        ChoiceDialog<String> choice = new ChoiceDialog<>(names.get(0), names);
        choice.setTitle(I18n.get("sync.hub.title"));
        choice.setHeaderText(I18n.get("sync.hub.header"));
        choice.setContentText(I18n.get("sync.hub.label"));
        choice.initOwner(owner);
        choice.getDialogPane().setId("hubChoiceDialog");
        choice.getDialogPane().setPrefWidth(520);
        Stylesheets.addTo(choice.getDialogPane());
        return choice.showAndWait();
    }
}
