package cn.tzsw.college.trainees;

import java.util.List;

/** Why one line of a roster file cannot be imported; {@code column} is null when the line as a whole is wrong. */
public record RowProblem(int line, RosterColumn column, String messageKey, List<Object> arguments) {

    public RowProblem {
        arguments = List.copyOf(arguments);
    }
}
