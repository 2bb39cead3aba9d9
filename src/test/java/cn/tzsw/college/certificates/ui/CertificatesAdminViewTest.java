package cn.tzsw.college.certificates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.ViewTest;
import cn.tzsw.college.certificates.CertificateStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The administrators' certificate list (证书管理). */
class CertificatesAdminViewTest extends ViewTest {

    @Autowired
    MessageSource messages;

    /**
     * A width sized from the first rows (all 有效) cut a later 已撤销 to "已撤销 ." The column is as wide as the
     * longest status badge of the page's language, whatever rows come first.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void the_status_column_fits_its_longest_badge_whatever_the_first_rows_say(String language) {
        Locale locale = Locale.forLanguageTag(language);
        openAs("admin");
        UI.getCurrent().setLocale(locale);
        navigate(CertificatesAdminView.class);
        Grid<?> grid = $(Grid.class).id("certificate-grid");
        String header = messages.getMessage("certificateAdmin.status", null, locale);
        Grid.Column<?> status = grid.getColumns().stream()
                .filter(column -> column.getHeaderText().equals(header)).findFirst().orElseThrow();

        assertThat(status.isAutoWidth()).as("sized from the rows shown first").isFalse();
        assertThat(status.getWidth()).endsWith("em");
        double width = Double.parseDouble(status.getWidth().replaceFirst("r?em$", ""));
        double longest = Arrays.stream(CertificateStatus.values())
                .map(s -> messages.getMessage(s.messageKey(), null, locale))
                .mapToDouble(CertificatesAdminViewTest::cellWidthInEm).max().orElseThrow();
        assertThat(width).as("width for the longest badge, %.2f em", longest).isGreaterThanOrEqualTo(longest);
    }

    /**
     * At 1280 px the course title got two characters and an ellipsis while 类别, 学时 and 颁发日期 shared the room
     * left over: only the title column grows, and it starts wide enough for a short title.
     */
    @Test
    void only_the_course_title_takes_the_room_left_over() {
        openAs("admin");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        navigate(CertificatesAdminView.class);
        Grid<?> grid = $(Grid.class).id("certificate-grid");
        String title = messages.getMessage("certificateAdmin.title", null, Locale.SIMPLIFIED_CHINESE);

        assertThat(grid.getColumns()).filteredOn(column -> column.getFlexGrow() > 0)
                .extracting(Grid.Column::getHeaderText).containsExactly(title);
        Grid.Column<?> titles = grid.getColumns().stream()
                .filter(column -> column.getHeaderText().equals(title)).findFirst().orElseThrow();
        assertThat(Double.parseDouble(titles.getWidth().replaceFirst("r?em$", ""))).isGreaterThanOrEqualTo(8);
    }

    /**
     * The headers stood off their columns: an em width resolves against each cell's font, and the header's is smaller
     * than the rows'. Fixed widths are in rem, the page's font, the same in every row.
     */
    @Test
    void no_column_width_depends_on_the_cells_font() {
        openAs("admin");
        navigate(CertificatesAdminView.class);
        Grid<?> grid = $(Grid.class).id("certificate-grid");

        assertThat(grid.getColumns()).extracting(Grid.Column::getWidth).filteredOn(Objects::nonNull)
                .noneMatch(width -> width.matches(".*[^r]em"));
    }

    /**
     * The cell a pill badge needs, in the grid's em (Lumo): the text at the badge's 0.875 em, a Chinese character
     * 1 em and a Latin letter 0.55 em on average, the pill's 0.75 em padding on each side, the cell's 1 em on each
     * side. (Chromium here draws the 已撤销 badge 3.94 em wide, Replaced 5.01 em.)
     */
    private static double cellWidthInEm(String text) {
        double textEm = text.codePoints().mapToDouble(c -> c > 0x2E80 ? 1.0 : 0.55).sum();
        return 0.875 * (textEm + 1.5) + 2.0;
    }
}
