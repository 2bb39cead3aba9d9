package cn.tzsw.college.hours;

/** The file an administrator attached to hours earned outside the platform. */
public record Evidence(String fileName, String contentType, byte[] content) {
}
