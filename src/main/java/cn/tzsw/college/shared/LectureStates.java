package cn.tzsw.college.shared;

import java.util.Collection;
import java.util.Map;

/**
 * The one computation of {@link LectureState}: it combines registration, attendance, the hours ledger and
 * certificates, so it lives in a capability that depends on all four; the pages of those four reach it through
 * this interface without depending on it. Each method checks who may ask.
 */
public interface LectureStates {

    /**
     * The signed-in trainee's state on each lecture asked for that they have anything on, with the action each
     * needs now; by lecture id.
     */
    Map<Long, LectureProgress> mine(Collection<Long> lectureIds);

    /** A lecture's trainees (those asked for that have anything on it), by trainee id; administrators. */
    Map<Long, LectureState> ofLecture(long lectureId, Collection<Long> traineeIds);

    /** One trainee's lectures, by lecture id; administrators, and coordinators within their region. */
    Map<Long, LectureState> ofTrainee(long traineeId, Collection<Long> lectureIds);
}
