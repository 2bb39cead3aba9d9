package cn.tzsw.college.ui;

/**
 * The staff's journeys on a laptop, 1280×800. Also takes docs/screenshots/admin-certificates-1280.png:
 * {@code ./mvnw test -Dtest=StaffLaptopBrowserTest -Ddocs.screenshots=docs/screenshots}.
 */
class StaffLaptopBrowserTest extends StaffJourneys {

    @Override
    protected int windowWidth() {
        return 1280;
    }

    @Override
    protected int windowHeight() {
        return 800;
    }

    @Override
    protected String certificateHolder() {
        return "13800000048";
    }
}
