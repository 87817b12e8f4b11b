package io.salesdesk.app.pipeline;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.BoardScreen;
import io.salesdesk.app.board.CustomerCardPresenter;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.board.BoardKind;
import io.salesdesk.core.Actor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Button;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** 商机看板: the pipeline boards, deals as cards in columns by stage. */
public final class PipelinePage extends BoardScreen {

    public PipelinePage(AppContext context, EventBus bus) {
        this(context, bus, new Button(I18n.get("pipeline.new"), new FontIcon(Feather.PLUS)));
    }

    private PipelinePage(AppContext context, EventBus bus, Button create) {
        // Key-account boards (customers as cards) sit beside the pipelines: both follow deals to a close.
        super(context, I18n.get("nav.PIPELINE"), List.of(BoardKind.OPPORTUNITY, BoardKind.CUSTOMER),
                Map.of(BoardKind.OPPORTUNITY, new OpportunityPresenter(context, bus),
                        BoardKind.CUSTOMER, new CustomerCardPresenter(context, bus)), List.of(create));
        setId("pipelinePage");
        create.setId("newOpportunity");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> OpportunityFormDialog.create(context, null, null).showAndWait()
                .ifPresent(created -> reload()));
        bus.subscribe(Navigation.OpenOpportunity.class, e -> open(context, e.opportunityId()));
    }

    /** Opens a deal's form over the board, as its card's edit button does. */
    private void open(AppContext context, UUID opportunityId) {
        Actor viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.opportunities().find(viewer, opportunityId))
                .onSuccess(found -> found.ifPresent(deal -> OpportunityFormDialog.edit(context, deal).showAndWait()
                        .ifPresent(saved -> reload())))
                .onFailure(ErrorDialogs::show).executeWith(context.executor());
    }
}
