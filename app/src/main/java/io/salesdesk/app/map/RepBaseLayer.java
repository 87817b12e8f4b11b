package io.salesdesk.app.map;

import com.gluonhq.maps.MapLayer;
import io.salesdesk.app.common.I18n;
import io.salesdesk.territory.layer.RepBase;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** 销售驻地: where each rep the viewer sees works from, with their name and team on hover. */
final class RepBaseLayer extends MapLayer {

    private final List<RepBase> bases = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();

    RepBaseLayer() {
        setId("repLayer");
        getStyleClass().add("map-layer");
    }

    void setBases(List<RepBase> newBases) {
        bases.clear();
        bases.addAll(newBases);
        nodes.clear();
        for (RepBase base : bases) {
            Label marker = new Label(null, new FontIcon(Feather.HOME));
            marker.getStyleClass().add("map-rep-base");
            marker.setManaged(false);
            Tooltip.install(marker, new Tooltip(I18n.get("map.rep.tooltip", base.name(), base.teamName())));
            nodes.add(marker);
        }
        getChildren().setAll(nodes);
        markDirty();
    }

    int size() {
        return bases.size();
    }

    @Override
    protected void layoutLayer() {
        for (int i = 0; i < nodes.size(); i++) {
            RepBase base = bases.get(i);
            Point2D p = getMapPoint(base.place().lat(), base.place().lon());
            Node node = nodes.get(i);
            if (p != null) {
                node.autosize();
                node.setTranslateX(p.getX() - node.getLayoutBounds().getWidth() / 2);
                node.setTranslateY(p.getY() - node.getLayoutBounds().getHeight() / 2);
            }
        }
    }
}
