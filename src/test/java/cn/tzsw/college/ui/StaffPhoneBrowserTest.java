package cn.tzsw.college.ui;

/** The staff's journeys on a phone, 390×844. */
class StaffPhoneBrowserTest extends StaffJourneys {

    @Override
    protected int windowWidth() {
        return 390;
    }

    @Override
    protected int windowHeight() {
        return 844;
    }

    @Override
    protected String certificateHolder() {
        return "13800000049";
    }
}
