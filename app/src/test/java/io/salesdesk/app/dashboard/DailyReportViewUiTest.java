package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.insight.report.ReportSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
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

/** The daily report view on the demo-like workspace, as the Shanghai manager sees it on Thursday morning. */
@ExtendWith(ApplicationExtension.class)
class DailyReportViewUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    DailyReportView view;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("data"));
        context = workspace.context();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DailyReportView(context, new EventBus());
        Scene scene = new Scene(view, 1400, 900);
        Stylesheets.addTo(view);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsYesterdaysReportOfTheManagersRegionInSectionsAndSavesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reportDate").queryAs(DatePicker.class).getValue()).hasToString("2026-11-25");
        ComboBox<?> team = robot.lookup("#reportTeam").queryAs(ComboBox.class);
        assertThat(team.getItems()).isNotEmpty();
        assertThat(robot.lookup("#reportSummary").queryAs(Label.class).getText()).contains("跟进").contains("新增线索");
        assertThat(robot.lookup(".titled-pane").queryAllAs(TitledPane.class)).extracting(TitledPane::getText)
                .anySatisfy(t -> assertThat(t).startsWith("跟进情况"))
                .anySatisfy(t -> assertThat(t).startsWith("回款到期"))
                .hasSize(7);

        Path xlsx = dir.resolve("out/日报.xlsx");
        robot.interact(() -> view.saveTo(xlsx));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(xlsx).exists();
        assertThat(Files.size(xlsx)).isPositive();
        assertThat(robot.lookup("#reportStatus").queryAs(Label.class).getText()).contains("日报.xlsx");
    }

    @Test
    void aScheduleTimeThatIsNoTimeIsRefusedSayingHowToWriteIt(FxRobot robot) {
        robot.clickOn("定时生成");
        robot.clickOn("#scheduleTime").eraseText(5).write("25:99");
        robot.clickOn("#scheduleEnabled");
        robot.clickOn("#scheduleSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scheduleStatus").queryAs(Label.class).getText()).contains("25:99").contains("HH:mm");

        robot.doubleClickOn("#scheduleTime").eraseText(10).write("08:15");
        robot.clickOn("#scheduleSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scheduleStatus").queryAs(Label.class).getText()).contains("08:15");
        ReportSchedule saved = context.dailyReports().schedule();
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.at()).isEqualTo(LocalTime.of(8, 15));
    }
}
