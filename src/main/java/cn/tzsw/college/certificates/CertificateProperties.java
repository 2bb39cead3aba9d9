package cn.tzsw.college.certificates;

import cn.tzsw.college.shared.SiteAddress;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param issuer              the college's name as printed on certificates
 * @param serialPrefix        serials read PREFIX-YEAR-NNNNNN
 * @param sealImage           the seal printed over the issuer's name (PNG or JPEG; transparency kept)
 * @param baseUrl             the public address of the site, for the QR code's verification link where no request
 *                            tells the address (a certificate attached to a mail)
 * @param completionValidity  how long a completion certificate is valid; empty: for ever
 * @param hoursRecordValidity how long an hours record is valid (it states the hours as of its issue date)
 * @param missLimit           unknown codes one client may look up per {@code missWindow} before it gets 429
 * @param missWindow          the window of {@code missLimit}
 * @param bulkChunk           certificates issued per transaction by the bulk worker
 * @param bulkPollInterval    how often the bulk worker looks for work
 */
@ConfigurationProperties("app.certificates")
public record CertificateProperties(@DefaultValue("台州社会工作学院") String issuer,
                                    @DefaultValue("TZSW") String serialPrefix,
                                    @DefaultValue("classpath:certificates/seal.png") Resource sealImage,
                                    @DefaultValue("http://localhost:8080") String baseUrl,
                                    Period completionValidity,
                                    @DefaultValue("P1Y") Period hoursRecordValidity,
                                    @DefaultValue("20") int missLimit,
                                    @DefaultValue("1m") Duration missWindow,
                                    @DefaultValue("100") int bulkChunk,
                                    @DefaultValue("2s") Duration bulkPollInterval) {

    public String verificationUrl(String code) {
        return SiteAddress.current(baseUrl) + "/verify/" + code;
    }
}
