package cn.tzsw.college.notification;

public enum MailStatus {
    PENDING, SENT, FAILED;

    public String messageKey() {
        return "mail.status." + name();
    }
}
