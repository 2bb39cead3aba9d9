package cn.tzsw.college.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import java.util.Set;

/**
 * Column widths for a laptop. A Vaadin column grows by default, auto-sized ones too, so the room left over was shared
 * by dates and short codes while a course title showed two characters: only the columns named here grow, and two
 * related values can share one column on two lines. Fixed widths are in rem: an em width resolves against each cell's
 * font, and the header's is smaller than the rows', so the headers stood off their columns.
 */
public final class GridColumns {

    private GridColumns() {
    }

    /** The given columns share what is left of the grid's width; every other one keeps the width it was given. */
    public static void onlyGrow(Grid<?> grid, Grid.Column<?>... growing) {
        Set<Grid.Column<?>> grow = Set.of(growing);
        grid.getColumns().stream().filter(column -> !grow.contains(column)).forEach(column -> column.setFlexGrow(0));
    }

    /** A cell of two lines: the value a person looks for, and under it a related one in small print. */
    public static <T> LitRenderer<T> twoLines(ValueProvider<T, String> main, ValueProvider<T, String> under) {
        return LitRenderer.<T>of("<div class=\"cell-main\">${item.main}</div>"
                        + "<div class=\"cell-under\">${item.under}</div>")
                .withProperty("main", main).withProperty("under", under);
    }
}
