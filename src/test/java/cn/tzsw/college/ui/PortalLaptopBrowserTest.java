package cn.tzsw.college.ui;

/** The portal and the trainee's home on a laptop, 1280 px wide. */
class PortalLaptopBrowserTest extends PortalJourneys {

    @Override
    protected int windowWidth() {
        return 1280;
    }

    @Override
    protected String traineePhone() {
        return "13800000043";
    }

    @Override
    protected String homePhone() {
        return "13800000042"; // the 42nd demo trainee: ASSISTANT, with a registration period
    }
}
