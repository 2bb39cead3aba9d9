package cn.tzsw.college.attendance;

/**
 * How a lecture is watched and attended: walk-ins allowed or not, and its recorded video (an uploaded file or a
 * link, with its length in seconds). Empty video fields when there is none.
 */
public record LectureMedia(long lectureId, boolean walkInsAllowed, String videoName, Long videoBytes,
                           String videoUrl, Integer videoSeconds) {

    public boolean hasUploadedVideo() {
        return videoName != null;
    }

    public boolean hasVideo() {
        return hasUploadedVideo() || videoUrl != null;
    }
}
