package io.salesdesk.territory.heat;

import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.geo.WebMercator;

/**
 * Demand summed into square cells over one viewport: cell {@code (column, row)} counts from the
 * north-west corner. {@link #intensity} is the cell's sum over the hottest cell's, 0..1, which is
 * what the heat layer colours by.
 */
public final class HeatGrid {

    private final int columns;
    private final int rows;
    private final double originX;
    private final double originY;
    private final double cellSize;
    private final double[] cells;
    private final double total;
    private final int points;
    private final double max;

    HeatGrid(int columns, int rows, double originX, double originY, double cellSize, double[] cells, double total,
             int points) {
        this.columns = columns;
        this.rows = rows;
        this.originX = originX;
        this.originY = originY;
        this.cellSize = cellSize;
        this.cells = cells;
        this.total = total;
        this.points = points;
        double highest = 0;
        for (double v : cells) {
            highest = Math.max(highest, v);
        }
        this.max = highest;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** The summed weight in a cell. */
    public double value(int column, int row) {
        return cells[column + row * columns];
    }

    /** The cell's value over the hottest cell's: 0 for none, 1 for the hottest; 0 everywhere when empty. */
    public double intensity(int column, int row) {
        return max == 0 ? 0 : cells[column + row * columns] / max;
    }

    /** The hottest cell's value. */
    public double max() {
        return max;
    }

    /** The weight of every point counted: the sum over all cells. */
    public double total() {
        return total;
    }

    /** Points counted (inside the viewport and the period). */
    public int points() {
        return points;
    }

    /** The cell's area on the map. */
    public GeoBox cellBounds(int column, int row) {
        double x0 = originX + column * cellSize;
        double y0 = originY + row * cellSize;
        return new GeoBox(WebMercator.unitLon(x0), WebMercator.unitLat(y0 + cellSize),
                WebMercator.unitLon(x0 + cellSize), WebMercator.unitLat(y0));
    }
}
