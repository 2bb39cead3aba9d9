package cn.tzsw.college.certificates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.ViewTest;
import cn.tzsw.college.certificates.CertificateStatus;
import com.vaadin.flow.component.grid.Grid;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The administrators' certificate list (证书管理). */
class CertificatesAdminViewTest extends ViewTest {

    @Autowired
    MessageSource messages;

    /**
     * A width sized from the first rows (all 有效) cut a later 已撤销 to "已撤销 ." The column is as wide as the
     * longest status badge in either language, whatever rows come first.
     */
    @Test
    void the_status_column_fits_its_longest_badge_in_chinese_and_english_whatever_the_first_rows_say() {
        openAs("admin");
        navigate(CertificatesAdminView.class);
        Grid<?> grid = $(Grid.class).id("certificate-grid");
        Grid.Column<?> status = grid.getColumns().stream()
                .filter(column -> column.getHeaderText().equals("状态")).findFirst().orElseThrow();

        assertThat(status.isAutoWidth()).as("sized from the rows shown first").isFalse();
        assertThat(status.getWidth()).endsWith("em");
        double width = Double.parseDouble(status.getWidth().replaceFirst("r?em$", ""));
        double longest = Arrays.stream(CertificateStatus.values())
                .flatMap(s -> Stream.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)
                        .map(locale -> messages.getMessage(s.messageKey(), null, locale)))
                .mapToDouble(CertificatesAdminViewTest::cellWidthInEm).max().orElseThrow();
        assertThat(width).as("width for the longest badge, %.1f em", longest).isGreaterThanOrEqualTo(longest);
    }

    /**
     * The cell a pill badge needs, in the grid's em (Lumo): the text at the badge's 0.875 em, a Chinese character
     * 1 em and a Latin one at most 0.6 em, the pill's 0.75 em padding on each side, the cell's 1 em on each side.
     */
    private static double cellWidthInEm(String text) {
        double textEm = text.codePoints().mapToDouble(c -> c > 0x2E80 ? 1.0 : 0.6).sum();
        return 0.875 * (textEm + 1.5) + 2.0;
    }
}
