package cn.tzsw.college.shared;

/** A trainee's state on a lecture and the action that moves it on now ({@code action} null: nothing to do now). */
public record LectureProgress(LectureState state, LectureAction action) {
}
