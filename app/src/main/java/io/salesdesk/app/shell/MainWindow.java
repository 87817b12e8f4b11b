package io.salesdesk.app.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.approvals.ApprovalsPage;
import io.salesdesk.app.approvals.PendingApprovalsBadge;
import io.salesdesk.app.commerce.CommercePage;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Page;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.app.customers.CustomersPage;
import io.salesdesk.app.inbox.InboxButton;
import io.salesdesk.app.leads.LeadsPage;
import io.salesdesk.app.ledgers.LedgersPage;
import io.salesdesk.app.map.MapPage;
import io.salesdesk.app.map.tiles.SalesDeskTiles;
import io.salesdesk.app.myday.MyDayPage;
import io.salesdesk.app.dashboard.DashboardPage;
import io.salesdesk.app.firstrun.Tour;
import io.salesdesk.app.firstrun.TourMemory;
import io.salesdesk.app.help.HelpButton;
import io.salesdesk.app.help.ProblemReportAction;
import io.salesdesk.app.pipeline.PipelinePage;
import io.salesdesk.app.sync.ReplicaSync;
import io.salesdesk.app.studio.templates.TemplateInstall;
import io.salesdesk.app.sync.SyncControl;
import io.salesdesk.app.tasks.TasksPage;
import io.salesdesk.app.settings.SettingsPage;
import io.salesdesk.app.signin.SignInPane;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * The main window's content: navigation on the left, the page in the middle, the status bar below.
 * A change of language, theme or user rebuilds the whole root, so every text is read afresh.
 *
 * <p>The window can be shown before its workspace is open: it then shows the navigation and says
 * that the workspace is opening, and {@link #attach} fills in the pages when the database is ready.
 * A large workspace takes seconds to open; the user sees SalesDesk at once instead of nothing.
 */
public final class MainWindow {

    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;
    static final String DEFAULT_USERNAME = "manager.sh";

    private AppContext context;
    private final AppearancePreferences appearance;
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private Scene scene;
    private EventBus bus;
    /** The workspace's sync with its head office (shown only on a branch replica); outlives rebuilt roots. */
    private ReplicaSync replicaSync;
    private Page current = START_PAGE;
    private boolean building;
    // What runs after each sign-in (the reminders and timers), and what undoes it at sign-out.
    private Runnable whenSignedIn = () -> { };
    private final List<Runnable> atSignOut = new ArrayList<>();
    // A template file SalesDesk was started with: its install plan shows once, after the first sign-in.
    private java.nio.file.Path fileToOpen;
    private boolean openedFile;

    private static final Page START_PAGE = Page.CUSTOMERS;

    public MainWindow(AppContext context) {
        this(context, AppearancePreferences.load());
    }

    public MainWindow(AppContext context, AppearancePreferences appearance) {
        this.appearance = appearance;
        useContext(context);
    }

    /** A window whose workspace is still opening; call {@link #attach} when it is open. */
    public MainWindow(AppearancePreferences appearance) {
        this.appearance = appearance;
    }

    /** Fills in the pages once the workspace is open; call on the FX thread. */
    public void attach(AppContext openedContext) {
        attach(openedContext, () -> { });
    }

    /**
     * Fills in the pages once the workspace is open, after the sign-in screen where people sign in
     * and nobody has yet; {@code whenSignedIn} runs when the pages are there. Call on the FX thread.
     */
    public void attach(AppContext openedContext, Runnable whenSignedIn) {
        this.whenSignedIn = whenSignedIn;
        if (openedContext.currentUser() == null && openedContext.signInRequired()) {
            applyAppearance();
            SignInPane signIn = new SignInPane(openedContext, openedContext.offeredUsername(),
                    user -> attach(openedContext, whenSignedIn));
            if (scene != null) {
                scene.setRoot(signIn);
            }
            return;
        }
        useContext(openedContext);
        if (scene != null) {
            scene.setRoot(buildRoot());
        }
        whenSignedIn.run();
        if (fileToOpen != null) {
            java.nio.file.Path file = fileToOpen;
            fileToOpen = null;
            openedFile = true;
            // Later, so the first page is drawn under the plan; the plan waits for an answer.
            javafx.application.Platform.runLater(() -> new TemplateInstall(context, () -> { }).file(file));
        }
    }

    /**
     * Shows the install plan of this template file once the workspace is open and someone is signed in
     * (a double-click on a .sdtemplate file, {@code salesdesk FILE}). Call before {@link #attach}.
     */
    public void openAfterSignIn(java.nio.file.Path templateFile) {
        this.fileToOpen = templateFile;
    }

    /**
     * Shows the install plan of this template file now if someone is signed in, else once someone is
     * (a file handed over by a second start, or by macOS's open-file event). Call on the FX thread.
     */
    public void openTemplate(java.nio.file.Path templateFile) {
        if (context == null) {
            openAfterSignIn(templateFile);
            return;
        }
        openedFile = true;
        AppContext signedIn = context;
        // Later, so the window is in front before the plan, which waits for an answer.
        javafx.application.Platform.runLater(() -> new TemplateInstall(signedIn, () -> { }).file(templateFile));
    }

    /** Runs {@code undo} at the next sign-out, e.g. stopping what {@code whenSignedIn} started. */
    public void atSignOut(Runnable undo) {
        atSignOut.add(undo);
    }

    /**
     * 退出登录 and 切换用户, where people sign in: back to the sign-in screen in this window, without
     * a restart. The previous user's pages (and what they hold), the event bus, reminders and timers
     * are dropped; the next user starts on the start page with fresh ones. Call on the FX thread.
     */
    public void signOut() {
        if (context == null || !context.signInRequired()) {
            return;
        }
        AppContext signedOut = context;
        List<Runnable> undo = List.copyOf(atSignOut);
        atSignOut.clear();
        undo.forEach(Runnable::run);
        pages.clear();
        navButtons.clear();
        content.getChildren().clear();
        bus = null;
        current = START_PAGE;
        context = null;
        signedOut.signOut();
        attach(signedOut, whenSignedIn);
    }

    /** Whether the workspace is open and the pages are there. */
    public boolean attached() {
        return context != null;
    }

    private void useContext(AppContext openedContext) {
        this.context = openedContext;
        // Kept across a sign-out on the same workspace, so a sync still running is never joined by a second.
        if (replicaSync == null || replicaSync.context() != openedContext) {
            this.replicaSync = new ReplicaSync(openedContext,
                    new ConnectionProfiles(ConnectionProfiles.defaultDir(System.getenv())));
        }
        if (openedContext.currentUser() == null) {
            openedContext.setCurrentUser(defaultUser());
        }
        // The map's tiles follow the workspace's tile server and cache under its data folder.
        SalesDeskTiles.configure(openedContext);
        ProblemReportAction.useWorkspace(openedContext);
    }

    /** The user to work as until login arrives: the demo regional manager, else the first manager. */
    private User defaultUser() {
        return context.users().byUsername(DEFAULT_USERNAME)
                .or(() -> context.users().all().stream().filter(u -> u.role() == Role.MANAGER).findFirst())
                .orElseGet(() -> context.users().all().get(0));
    }

    /** Builds the scene; call on the FX thread. */
    public Scene createScene() {
        scene = new Scene(buildRoot(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Stylesheets.APP);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> HelpButton.openGuide(scene.getWindow()));
        return scene;
    }

    /** Rebuilds every page, e.g. after the language, theme or user changed. */
    public void reload() {
        scene.setRoot(buildRoot());
        if (scene.getWindow() instanceof javafx.stage.Stage stage) {
            stage.setTitle(I18n.get("app.title"));
        }
    }

    /** Starts the tour of the main pages unless the user has seen it here (the app's first start). */
    public void startTourIfNew() {
        // A template's install plan is on screen: the tour would point past it; it comes next start.
        if (context != null && context.currentUser() != null && !openedFile
                && !TourMemory.load().seen(context.currentUser().id())) {
            startTour();
        }
    }

    /** Starts the tour from its first step (Help → 重新开始导览); it is marked seen when it ends. */
    public void startTour() {
        if (context == null || scene == null || scene.getWindow() == null) {
            return;
        }
        java.util.UUID user = context.currentUser().id();
        new Tour(scene, this::show, () -> TourMemory.load().markSeen(user)).start();
    }

    public EventBus bus() {
        return bus;
    }

    /** Shows a page, e.g. from a test. */
    public void show(Page page) {
        current = page;
        ToggleButton button = navButtons.get(page);
        if (button != null && !button.isSelected()) {
            button.setSelected(true);
        }
        if (context == null) {
            return; // shown when the workspace is open
        }
        Node node = pages.computeIfAbsent(page, this::createPage);
        StackPane.setAlignment(node, Pos.TOP_LEFT);
        if (node instanceof MyDayPage myDay && !content.getChildren().contains(node) && !building) {
            myDay.refresh(); // follow-ups logged elsewhere since it was last shown
        }
        content.getChildren().setAll(node);
    }

    private Parent buildRoot() {
        building = true;
        applyAppearance();
        bus = new EventBus();
        navButtons.clear();
        pages.clear();
        // Pages are made when first shown, so start-up pays only for the first one. The window
        // subscribes before any page: a page it makes while delivering an event (Customers on
        // "open this customer") subscribes in time to hear that same event.
        bus.subscribe(Navigation.ShowPage.class, e -> show(e.page()));
        bus.subscribe(Navigation.OpenCustomer.class, e -> show(Page.CUSTOMERS));
        bus.subscribe(Navigation.OpenTaskBoard.class, e -> show(Page.TASKS));
        bus.subscribe(Navigation.OpenLead.class, e -> show(Page.LEADS));
        bus.subscribe(Navigation.OpenContract.class, e -> show(Page.COMMERCE));
        bus.subscribe(Navigation.OpenOpportunity.class, e -> show(Page.PIPELINE));
        bus.subscribe(Navigation.ShowDashboardTab.class, e -> show(Page.DASHBOARD));

        BorderPane root = new BorderPane();
        root.setId("mainRoot");
        root.getStyleClass().add("main-root");
        root.setLeft(createNavigation());
        content.getStyleClass().add("page-host");
        content.setId("pageHost");
        root.setCenter(content);
        if (context == null) {
            content.getChildren().setAll(new OpeningPane());
            root.setBottom(StatusBar.opening());
            navButtons.get(current).setSelected(true);
        } else {
            EventBus windowBus = bus;
            replicaSync.publishTo(windowBus::publish);
            root.setBottom(new StatusBar(context, new SyncControl(replicaSync), this::signOut));
            show(current);
        }
        building = false;
        // A layer over the window for the tour; a popup would need a compositing window manager.
        StackPane layers = new StackPane(root);
        layers.setId("windowLayers");
        return layers;
    }

    private Node createPage(Page page) {
        return switch (page) {
            case MY_DAY -> new MyDayPage(context, bus);
            case DASHBOARD -> new DashboardPage(context, bus);
            case CUSTOMERS -> new CustomersPage(context, bus);
            case LEADS -> new LeadsPage(context, bus);
            case PIPELINE -> new PipelinePage(context, bus);
            case TASKS -> new TasksPage(context, bus);
            case COMMERCE -> new CommercePage(context, bus);
            case APPROVALS -> new ApprovalsPage(context, bus);
            case MAP -> new MapPage(context, bus);
            case LEDGERS -> new LedgersPage(context);
            case SETTINGS -> scrolling(new SettingsPage(context, appearance, this::reload));
            default -> new ComingSoonPage(page);
        };
    }

    /** Settings grows past the window's height once the company-wide sections are in. */
    private static Node scrolling(Node page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private void applyAppearance() {
        I18n.setLocale(appearance.getLanguage().locale());
        Application.setUserAgentStylesheet(appearance.getTheme() == AppearancePreferences.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private Node createNavigation() {
        FontIcon logoIcon = new FontIcon(Feather.TRENDING_UP);
        logoIcon.getStyleClass().add("brand-icon");
        Label brand = new Label(I18n.get("app.name"), logoIcon);
        brand.getStyleClass().addAll(Styles.TITLE_4, "brand");
        VBox items = new VBox(2);
        ToggleGroup group = new ToggleGroup();
        for (Page page : Page.values()) {
            if (page == Page.SETTINGS) {
                continue;
            }
            items.getChildren().add(page == Page.APPROVALS && context != null
                    ? withBadge(navButton(page, group), new PendingApprovalsBadge(context, bus))
                    : navButton(page, group));
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("nav-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox nav = new VBox(16, brand, scroll);
        if (context != null) {
            // The inbox needs the open workspace; while it opens, the navigation has none.
            nav.getChildren().add(new InboxButton(context, bus));
        }
        nav.getChildren().add(HelpButton.create(this::startTour));
        nav.getChildren().add(navButton(Page.SETTINGS, group));
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one page is always chosen
            } else {
                show((Page) now.getUserData());
            }
        });
        return nav;
    }

    /** A navigation item with a count beside it, as the inbox shows its unread messages. */
    private static Node withBadge(ToggleButton button, Node badge) {
        HBox.setHgrow(button, Priority.ALWAYS);
        HBox item = new HBox(button, badge);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private ToggleButton navButton(Page page, ToggleGroup group) {
        ToggleButton button = new ToggleButton(page.title(), new FontIcon(page.icon()));
        button.setId("nav-" + page.name());
        button.setUserData(page);
        button.setToggleGroup(group);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add("nav-item");
        if (!page.built()) {
            button.getStyleClass().add("nav-item-soon");
            button.setTooltip(new javafx.scene.control.Tooltip(I18n.get("coming.badge")));
        }
        navButtons.put(page, button);
        return button;
    }
}
