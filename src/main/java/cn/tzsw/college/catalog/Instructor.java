package cn.tzsw.college.catalog;

/** A lecturer: 关信平, 教授, 南开大学. */
public record Instructor(String name, String title, String affiliation) {

    public String display() {
        StringBuilder text = new StringBuilder(name);
        if (title != null && !title.isBlank()) {
            text.append(' ').append(title);
        }
        if (affiliation != null && !affiliation.isBlank()) {
            text.append('（').append(affiliation).append('）');
        }
        return text.toString();
    }
}
