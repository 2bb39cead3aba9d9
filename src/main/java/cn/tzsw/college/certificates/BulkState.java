package cn.tzsw.college.certificates;

public enum BulkState {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    public String messageKey() {
        return "certificate.bulk.state." + name();
    }
}
