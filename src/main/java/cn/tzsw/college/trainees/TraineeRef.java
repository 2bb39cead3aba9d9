package cn.tzsw.college.trainees;

/** The two facts about a trainee that a registration needs: who, and where (for quotas and region rules). */
public record TraineeRef(long id, String regionCode) {
}
