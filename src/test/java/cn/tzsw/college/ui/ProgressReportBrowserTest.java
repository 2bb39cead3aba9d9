package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionService;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The acceptance of issue 5's progress reports, in Chromium. */
class ProgressReportBrowserTest extends BrowserTest {

    static final String JIAOJIANG = "331002000000";
    static final String HAIMEN = "331002001000";
    static final List<String> OTHER_COUNTIES = List.of("黄岩区", "路桥区", "临海市", "温岭市", "玉环市", "三门县", "天台县",
            "仙居县");

    @Autowired
    RegionService regions;

    private void clickCell(String text) {
        By cell = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + text + "']");
        wait.until(ExpectedConditions.elementToBeClickable(cell));
        WebElement element = driver.findElement(cell);
        element.click();
    }

    private void assertNothingOutsideJiaojiang() {
        String page = pageText();
        assertThat(page).doesNotContain("台州市");
        for (String county : OTHER_COUNTIES) {
            assertThat(page).as(page).doesNotContain(county);
        }
    }

    @Test
    void the_jiaojiang_coordinator_drills_to_a_village_and_exports_excel_without_seeing_other_counties() throws Exception {
        Region village = regions.children(HAIMEN).getFirst();
        signIn("jj-coord", "Demo@2026");
        assertThat(text("#main-menu")).contains("学习进度报表");
        navigate("/reports");
        wait.until(d -> pageText().contains("海门街道"));
        assertThat(text("#report-breadcrumb")).contains("椒江区");
        assertThat(pageText()).contains("学员数", "活跃学员", "达标率", "合计");
        wait.until(d -> "true".equals(String.valueOf(script(
                "const c = document.querySelector('#report-chart'); return !!(c && c.dataset.rendered && c.querySelector('canvas'));"))));
        assertNothingOutsideJiaojiang();

        clickCell("海门街道");
        wait.until(d -> text("#report-breadcrumb").contains("海门街道"));
        wait.until(d -> pageText().contains(village.name()));
        assertNothingOutsideJiaojiang();

        clickCell(village.name());
        wait.until(d -> text("#report-breadcrumb").contains(village.name()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-trainees vaadin-grid-cell-content")));
        wait.until(d -> pageText().contains("**********"));
        assertThat(pageText()).contains("身份证号", "今日状态");
        assertNothingOutsideJiaojiang();

        // The Excel file of this view, fetched through the link with the session's sign-in.
        List<List<String>> rows = xlsxRows(download(driver.findElement(By.id("report-xlsx")).getAttribute("href")));
        String all = rows.toString();
        assertThat(all).contains("椒江区", "海门街道", village.name(), "**********");
        assertThat(all).doesNotContain("台州市");
        OTHER_COUNTIES.forEach(county -> assertThat(all).doesNotContain(county));

        // Back up through the breadcrumb.
        driver.findElement(By.xpath("//*[@id='report-breadcrumb']//vaadin-button[normalize-space(.)='椒江区']")).click();
        wait.until(d -> pageText().contains("海门街道") && !text("#report-breadcrumb").contains(village.name()));
    }

    @Test
    void the_city_coordinator_sees_all_nine_counties() {
        signIn("tz-coord", "Demo@2026");
        navigate("/reports");
        wait.until(d -> pageText().contains("仙居县"));
        String page = pageText();
        assertThat(page).contains("椒江区");
        OTHER_COUNTIES.forEach(county -> assertThat(page).contains(county));
        Object rows = script("return document.querySelector('#report-grid').size");
        assertThat(((Number) rows).intValue()).isEqualTo(9);
    }

    @Test
    void a_foreign_county_in_the_address_shows_the_access_page_and_no_figures() {
        signIn("jj-coord", "Demo@2026");
        open("/reports?region=331003000000&year=2026");
        String foreign = renderedErrorPage();
        assertThat(driver.findElements(By.id("report-grid"))).isEmpty();
        open("/reports?region=331099000000&year=2026");
        assertThat(renderedErrorPage()).isEqualTo(foreign);
    }

    private static List<List<String>> xlsxRows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                row.forEach(cell -> values.add(cell.toString()));
                rows.add(values);
            }
        }
        return rows;
    }
}
