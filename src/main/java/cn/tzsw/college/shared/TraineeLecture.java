package cn.tzsw.college.shared;

/** A trainee and a lecture: the key under which each capability reports what it knows about the pair. */
public record TraineeLecture(long traineeId, long lectureId) {
}
