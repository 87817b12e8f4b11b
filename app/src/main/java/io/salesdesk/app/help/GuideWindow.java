package io.salesdesk.app.help;

import java.io.InputStream;

import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;

/**
 * Help → 用户指南: the guide's chapters on the left, the chosen one rendered on the right. A window of
 * its own (not a dialog), so the user can read beside the main window while trying what it says.
 */
public final class GuideWindow {

    static final String ID = "guideWindow";
    private static Stage open;

    private final Guide guide = new Guide(I18n.isChinese());
    private final ListView<String> chapters = new ListView<>();
    private final ScrollPane page = new ScrollPane();

    private GuideWindow() {
    }

    /** Opens the guide at its first chapter, or brings the open one to the front. */
    public static void show(Window owner) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return;
        }
        open = new GuideWindow().createStage(owner);
        open.show();
    }

    private Stage createStage(Window owner) {
        chapters.getItems().setAll(Guide.CHAPTERS);
        chapters.setId("guideChapters");
        chapters.setPrefWidth(240);
        chapters.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String chapter, boolean empty) {
                super.updateItem(chapter, empty);
                setText(empty || chapter == null ? null : guide.title(chapter));
            }
        });
        chapters.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showChapter(now);
            }
        });
        page.setFitToWidth(true);
        page.getStyleClass().add("guide-page");
        BorderPane root = new BorderPane(page);
        root.setId(ID);
        root.setLeft(chapters);
        Scene scene = new Scene(root, 1100, 760);
        scene.getStylesheets().add(Stylesheets.APP);
        Stage stage = new Stage();
        stage.setTitle(I18n.get("help.guide.title"));
        if (owner instanceof Stage parent) {
            stage.getIcons().setAll(parent.getIcons());
        }
        stage.setScene(scene);
        chapters.getSelectionModel().selectFirst();
        return stage;
    }

    private void showChapter(String chapter) {
        MarkdownView view = new MarkdownView(guide.text(chapter), new MarkdownView.Resolver() {
            @Override
            public InputStream image(String path) {
                return guide.image(path);
            }

            @Override
            public void follow(String target) {
                String file = target.replaceFirst("^\\./", "").replaceFirst("#.*$", "");
                if (Guide.CHAPTERS.contains(file)) {
                    chapters.getSelectionModel().select(file);
                }
            }
        });
        view.getStyleClass().add("guide-text");
        page.setContent(view);
        page.setVvalue(0);
        // Again once laid out with its pictures, so a chapter always opens at its top.
        javafx.application.Platform.runLater(() -> page.setVvalue(0));
    }
}
