package cn.tzsw.college.trainees;

import java.util.List;

/**
 * What an import found (a preview) or did. Nothing is written while any line has a problem: {@code written} is
 * then false and {@code problems} names every bad line.
 */
public record ImportReport(int rows, int toCreate, int toUpdate, List<RowProblem> problems, boolean written) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
