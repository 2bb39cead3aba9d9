package cn.tzsw.college.registration;

import cn.tzsw.college.catalog.LectureInfo;

/** One of the signed-in trainee's lectures, with their status (and place in line when waitlisted). */
public record MyLecture(long registrationId, RegistrationStatus status, long positionInLine, LectureInfo lecture) {
}
