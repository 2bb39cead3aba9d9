package cn.tzsw.college.regions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param home   the college's home unit (台州市 by default); pickers and reports start here
 * @param source the CSV (code,name,level,parent_code) loaded into an empty region table on first start
 */
@ConfigurationProperties("app.regions")
public record RegionsProperties(@DefaultValue("331000000000") String home,
                                @DefaultValue("classpath:regions/regions-zhejiang.csv") String source) {
}
