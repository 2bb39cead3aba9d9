package cn.tzsw.college.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new viewing site as the coordinator's form fills it in. */
public class ViewingSiteData {

    @NotBlank
    @Size(max = 12)
    private String regionCode;
    @NotBlank
    @Size(max = 100)
    private String name;
    @NotBlank
    @Size(max = 200)
    private String address;

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
