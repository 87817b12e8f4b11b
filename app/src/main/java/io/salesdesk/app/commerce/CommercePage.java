package io.salesdesk.app.commerce;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.commerce.contract.Contract;

/**
 * 商务: sales, stock and finance in one place — products and stock by warehouse, quotes, contracts,
 * collections (回款) and the cost of deals — each behind the switch under the title.
 */
public final class CommercePage extends BorderPane {

    /** The views of the page, in the order of the switch. */
    enum View {
        PRODUCTS(Feather.PACKAGE), QUOTES(Feather.TAG), CONTRACTS(Feather.FILE_TEXT), COLLECTIONS(Feather.DOLLAR_SIGN),
        COSTS(Feather.PIE_CHART);

        private final Feather icon;

        View(Feather icon) {
            this.icon = icon;
        }
    }

    private final AppContext context;
    private final StackPane host = new StackPane();
    private final Map<View, Node> views = new EnumMap<>(View.class);
    private final Map<View, ToggleButton> switches = new EnumMap<>(View.class);

    public CommercePage(AppContext context) {
        this.context = context;
        setId("commercePage");
        getStyleClass().add("page");
        setTop(createHeader());
        setCenter(host);
        BorderPane.setMargin(host, new Insets(12, 0, 0, 0));
        show(View.values()[0]);
    }

    /** The page in the window: it also opens the contract a {@link Navigation.OpenContract} names. */
    public CommercePage(AppContext context, EventBus bus) {
        this(context);
        bus.subscribe(Navigation.OpenContract.class, e -> open(e.contractId()));
    }

    /** Opens a contract among the contracts (e.g. from a dashboard drill-down), if the user may see it. */
    private void open(UUID contractId) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.contracts().find(viewer, contractId))
                .onSuccess(found -> found.ifPresent(this::showContract))
                .onFailure(ErrorDialogs::show).executeWith(context.executor());
    }

    private HBox createHeader() {
        Label title = new Label(I18n.get("commerce.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        HBox segments = new HBox();
        ToggleGroup group = new ToggleGroup();
        List<View> shown = List.of(View.values());
        for (int i = 0; i < shown.size(); i++) {
            View view = shown.get(i);
            ToggleButton button = new ToggleButton(I18n.get("commerce.view." + view.name()), new FontIcon(view.icon));
            button.setId("commerceView-" + view.name());
            button.setToggleGroup(group);
            button.getStyleClass().add(shown.size() == 1 ? "" : i == 0 ? Styles.LEFT_PILL
                    : i == shown.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            button.setOnAction(e -> show(view));
            switches.put(view, button);
            segments.getChildren().add(button);
        }
        HBox header = new HBox(16, title, segments);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    /** Shows a view, made when first shown, with its data read afresh. */
    void show(View view) {
        ((CommerceTab) place(view)).refresh();
    }

    /** Switches to the contracts with this one open, e.g. the draft just made from a quote. */
    void showContract(Contract contract) {
        ((ContractsView) place(View.CONTRACTS)).open(contract);
    }

    private Node place(View view) {
        Node node = views.computeIfAbsent(view, this::create);
        host.getChildren().setAll(node);
        switches.get(view).setSelected(true);
        return node;
    }

    private Node create(View view) {
        return switch (view) {
            case PRODUCTS -> new ProductsView(context);
            case QUOTES -> new QuotesView(context, this::showContract);
            case CONTRACTS -> new ContractsView(context);
            case COLLECTIONS -> new CollectionsView(context);
            case COSTS -> new CostsView(context);
        };
    }
}
