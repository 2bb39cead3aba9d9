package cn.tzsw.college.hours;

import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The continuing-education rule: hours required per registration period by certificate level, and where the
 * rule comes from (shown to users next to the figures). Defaults follow 社会工作者继续教育办法 (民发〔2009〕123号).
 */
@ConfigurationProperties("app.continuing-education")
public class ContinuingEducationProperties {

    private int periodYears = 3;
    private Map<CertificateLevel, BigDecimal> requiredHours = new EnumMap<>(Map.of(
            CertificateLevel.ASSISTANT, new BigDecimal("72"),
            CertificateLevel.INTERMEDIATE, new BigDecimal("90"),
            CertificateLevel.SENIOR, new BigDecimal("90")));
    private String ruleSource = "社会工作者继续教育办法（民发〔2009〕123号）";

    public int getPeriodYears() {
        return periodYears;
    }

    public void setPeriodYears(int periodYears) {
        this.periodYears = periodYears;
    }

    public Map<CertificateLevel, BigDecimal> getRequiredHours() {
        return requiredHours;
    }

    public void setRequiredHours(Map<CertificateLevel, BigDecimal> requiredHours) {
        this.requiredHours = requiredHours;
    }

    public String getRuleSource() {
        return ruleSource;
    }

    public void setRuleSource(String ruleSource) {
        this.ruleSource = ruleSource;
    }

    /** Hours required per period; zero for trainees without a certificate. */
    public BigDecimal required(CertificateLevel level) {
        return level.certified() ? requiredHours.getOrDefault(level, BigDecimal.ZERO) : BigDecimal.ZERO;
    }
}
