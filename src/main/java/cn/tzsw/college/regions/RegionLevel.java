package cn.tzsw.college.regions;

/** The tiers of the administrative tree. The college works with the four below the province. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE;

    /** One tier down, or null below the village. */
    public RegionLevel child() {
        return this == VILLAGE ? null : values()[ordinal() + 1];
    }

    public String messageKey() {
        return "region.level." + name();
    }
}
