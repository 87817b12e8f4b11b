package io.salesdesk.app.help;

import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;

/**
 * 帮助 in the navigation, above 设置: 用户指南, 重新开始导览, 报告问题 and 关于 SalesDesk, in a menu
 * that opens upwards from the button.
 */
public final class HelpButton {

    private HelpButton() {
    }

    /** The navigation item; {@code restartTour} starts the tour again from its first step. */
    public static Button create(Runnable restartTour) {
        Button button = new Button(I18n.get("help.menu"), new FontIcon(Feather.HELP_CIRCLE));
        button.setId("helpButton");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add("nav-item");
        MenuItem guide = item("helpGuide", I18n.get("help.guide"), Feather.BOOK_OPEN,
                () -> GuideWindow.show(window(button)));
        guide.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem tour = item("helpTour", I18n.get("help.tour"), Feather.PLAY_CIRCLE, restartTour);
        MenuItem report = item("helpReport", I18n.get("help.report"), Feather.SEND,
                () -> ProblemReportAction.save(window(button)));
        MenuItem about = item("helpAbout", I18n.get("help.about"), Feather.INFO,
                () -> AboutDialog.show(window(button)));
        ContextMenu menu = new ContextMenu(guide, tour, new SeparatorMenuItem(), report, new SeparatorMenuItem(), about);
        button.setOnAction(e -> menu.show(button, Side.TOP, 0, 0));
        return button;
    }

    /** Opens the guide (F1 anywhere in the main window). */
    public static void openGuide(Window owner) {
        GuideWindow.show(owner);
    }

    private static MenuItem item(String id, String text, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Window window(Button button) {
        return button.getScene() == null ? null : button.getScene().getWindow();
    }
}
