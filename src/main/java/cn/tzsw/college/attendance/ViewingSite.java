package cn.tzsw.college.attendance;

/** A group viewing site (集中收看点) of a live lecture, inside the coordinator's region. */
public record ViewingSite(long id, long lectureId, String regionCode, String name, String address, int attendees) {
}
