package cn.tzsw.college.catalog;

public enum LectureStatus {
    SCHEDULED, CANCELLED
}
