package cn.tzsw.college.shared;

public enum Gender {
    MALE, FEMALE
}
