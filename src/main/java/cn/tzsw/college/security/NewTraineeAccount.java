package cn.tzsw.college.security;

/** A trainee's account that a roster import creates: the user name is the mobile number. */
public record NewTraineeAccount(String username, String displayName) {
}
