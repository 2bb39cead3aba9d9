package cn.tzsw.college.trainees;

/**
 * What administrators and coordinators may change on a trainee's profile. ID number and phone are not here: they
 * identify the person and their sign-in, and stay masked on the edit screen.
 */
public class TraineeEdit extends TraineeProfile {

    public static TraineeEdit of(TraineeDetails details, String email) {
        TraineeEdit edit = new TraineeEdit();
        edit.setName(details.name());
        edit.setEmail(email == null ? "" : email);
        edit.setWorkUnit(details.workUnit());
        edit.setRegionCode(details.regionCode());
        edit.setCertificateLevel(details.certificateLevel());
        edit.setPeriodStart(details.periodStart());
        return edit;
    }
}
