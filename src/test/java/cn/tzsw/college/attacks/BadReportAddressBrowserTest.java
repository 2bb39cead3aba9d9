package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.ui.BrowserTest;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, finding 9 (part), in Chromium: a report address naming a year no report can be about
 * ({@code /reports?year=-5} showed 「0006年」 and broke the date pickers; {@code year=999999999} was taken) shows
 * this year's report instead.
 */
class BadReportAddressBrowserTest extends BrowserTest {

    @Autowired
    Clock clock;

    private void assertThisYearShown(String address) {
        String thisYear = LocalDate.now(clock).getYear() + "年";
        open(address);
        wait.until(d -> text("#report-period").contains(thisYear));
        assertThat(script("const from = document.querySelector('#report-from');"
                + " return !from || from.hasAttribute('hidden') || from.offsetParent === null"))
                .as("no date range shown for " + address).isEqualTo(Boolean.TRUE);
        assertThat(pageText()).doesNotContain("0006").doesNotContain("999999999");
    }

    @Test
    void an_absurd_year_in_the_report_address_shows_this_years_report() {
        signIn("admin", "Demo@2026");

        assertThisYearShown("/reports?year=-5");
        assertThisYearShown("/reports?year=999999999");
        assertThisYearShown("/reports?from=0001-01-01&to=0001-12-30");
    }
}
