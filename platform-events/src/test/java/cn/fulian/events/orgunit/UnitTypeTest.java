package cn.fulian.events.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UnitTypeTest {

    @Test
    void everyTypeHasItsChineseLabel() {
        assertThat(Arrays.stream(UnitType.values()).map(UnitType::label))
                .containsExactly(
                        "省", "市", "县", "县级市", "区", "乡", "镇", "街道", "村", "社区", "机关", "企业", "两新组织", "社会组织", "其他");
    }

    @Test
    void administrativeTypesHaveATierAndADivisionCodeTheOthersNeither() {
        assertThat(UnitType.PROVINCE.tier()).hasValue(1);
        assertThat(UnitType.CITY.tier()).hasValue(2);
        assertThat(UnitType.COUNTY.tier()).hasValue(3);
        assertThat(UnitType.COUNTY_CITY.tier()).hasValue(3);
        assertThat(UnitType.DISTRICT.tier()).hasValue(3);
        assertThat(UnitType.TOWNSHIP.tier()).hasValue(4);
        assertThat(UnitType.TOWN.tier()).hasValue(4);
        assertThat(UnitType.SUBDISTRICT.tier()).hasValue(4);
        assertThat(UnitType.VILLAGE.tier()).hasValue(5);
        assertThat(UnitType.COMMUNITY.tier()).hasValue(5);
        for (UnitType t : new UnitType[] {
            UnitType.ORGAN, UnitType.ENTERPRISE, UnitType.NEW_ORG, UnitType.SOCIAL_ORG, UnitType.OTHER
        }) {
            assertThat(t.tier()).as(t.name()).isEmpty();
            assertThat(t.hasDivisionCode()).as(t.name()).isFalse();
        }
        assertThat(UnitType.SUBDISTRICT.hasDivisionCode()).isTrue();
    }

    @Test
    void aUnitIsShownAsItsFederation() {
        assertThat(UnitType.DISTRICT.displayLabel("鼓楼区")).isEqualTo("鼓楼区妇联");
        assertThat(UnitType.ORGAN.displayLabel("县直机关")).isEqualTo("县直机关妇委会");
        assertThat(UnitType.ORGAN.displayLabel("县直机关妇委会")).isEqualTo("县直机关妇委会");
        assertThat(UnitType.NEW_ORG.displayLabel("县两新组织妇联")).isEqualTo("县两新组织妇联");
        assertThat(UnitType.SOCIAL_ORG.displayLabel("清溪县巾帼志愿者协会")).isEqualTo("清溪县巾帼志愿者协会");
        assertThat(UnitType.ORGAN.federationLabel()).isEqualTo("机关妇委会");
        assertThat(UnitType.SUBDISTRICT.federationLabel()).isEqualTo("街道妇联");
        assertThat(UnitType.COUNTY_CITY.federationLabel()).isEqualTo("县级市妇联");
    }

    @Test
    void aTypeIsReadFromItsNameOrItsChineseLabel() {
        assertThat(UnitType.parse("SUBDISTRICT")).hasValue(UnitType.SUBDISTRICT);
        assertThat(UnitType.parse("subdistrict")).hasValue(UnitType.SUBDISTRICT);
        assertThat(UnitType.parse("街道")).hasValue(UnitType.SUBDISTRICT);
        assertThat(UnitType.parse(" 社区 ")).hasValue(UnitType.COMMUNITY);
        assertThat(UnitType.parse("县级市")).hasValue(UnitType.COUNTY_CITY);
        assertThat(UnitType.parse("市")).hasValue(UnitType.CITY);
        assertThat(UnitType.parse("地级市")).hasValue(UnitType.CITY);
        assertThat(UnitType.parse("机关妇委会")).hasValue(UnitType.ORGAN);
        assertThat(UnitType.parse("两新组织")).hasValue(UnitType.NEW_ORG);
        assertThat(UnitType.parse("星系")).isEmpty();
        assertThat(UnitType.parse("")).isEmpty();
    }

    @Test
    void theRootOfATreeIsAProvinceCityCountyOrDistrict() {
        assertThat(Arrays.stream(UnitType.values()).filter(UnitType::canBeRoot))
                .containsExactly(
                        UnitType.PROVINCE, UnitType.CITY, UnitType.COUNTY, UnitType.COUNTY_CITY, UnitType.DISTRICT);
    }

    @Test
    void aUnitKnownOnlyByItsLevelHasTheTypeOfThatName() {
        assertThat(UnitType.derived("CITY", 1)).isEqualTo(UnitType.CITY);
        assertThat(UnitType.derived("TOWNSHIP", 3)).isEqualTo(UnitType.TOWNSHIP);
        assertThat(UnitType.derived(null, 2)).isEqualTo(UnitType.DISTRICT);
        assertThat(UnitType.derived(null, 5)).isEqualTo(UnitType.VILLAGE);
    }
}
