package cn.fulian.events.orgunit;

import static cn.fulian.events.orgunit.DivisionCodes.checkPlacement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DivisionCodesTest {

    @Test
    void sixNineAndTwelveDigitCodesAreComparedAsTwelveDigits() {
        assertThat(DivisionCodes.normalised("350102")).isEqualTo("350102000000");
        assertThat(DivisionCodes.normalised("350102001")).isEqualTo("350102001000");
        assertThat(DivisionCodes.normalised("350102001001")).isEqualTo("350102001001");
        assertThatThrownBy(() -> DivisionCodes.normalised("3501021")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastSegmentThatIsNotZeroGivesTheDivisionLevel() {
        assertThat(DivisionCodes.level("350000")).isEqualTo(1);
        assertThat(DivisionCodes.level("350100")).isEqualTo(2);
        assertThat(DivisionCodes.level("350102")).isEqualTo(3);
        assertThat(DivisionCodes.level("429004")).isEqualTo(3);
        assertThat(DivisionCodes.level("350102001")).isEqualTo(4);
        assertThat(DivisionCodes.level("441900003")).isEqualTo(4);
        assertThat(DivisionCodes.level("350102001001")).isEqualTo(5);
        assertThat(DivisionCodes.level("350102000000")).isEqualTo(3);
        assertThat(DivisionCodes.level("000000")).isZero();
        assertThat(DivisionCodes.level("000000001")).isZero();
    }

    @Test
    void aStatisticalCodeWithTrailingZerosIsTheShortCodeOfTheSameDivision() {
        assertThat(DivisionCodes.canonical("350100000000")).isEqualTo("350100");
        assertThat(DivisionCodes.canonical("350102001000")).isEqualTo("350102001");
        assertThat(DivisionCodes.canonical("350102001")).isEqualTo("350102001");
        assertThat(DivisionCodes.canonical("350102001001")).isEqualTo("350102001001");
        assertThat(DivisionCodes.canonical("350102000000-001")).isEqualTo("350102-001");
        assertThat(DivisionCodes.canonical("鼓楼")).isEqualTo("鼓楼");
    }

    @Test
    void aChildStartsWithItsParentsSignificantPrefixAndIsOfADeeperLevel() {
        assertThat(DivisionCodes.isWithin("350102", "350100")).isTrue();
        assertThat(DivisionCodes.isWithin("350102001", "350102")).isTrue();
        assertThat(DivisionCodes.isWithin("350102001001", "350102001")).isTrue();
        assertThat(DivisionCodes.isWithin("350102001001", "350102")).isTrue();
        assertThat(DivisionCodes.isWithin("441900003", "441900")).isTrue();
        assertThat(DivisionCodes.isWithin("429004", "420000")).isTrue();

        assertThat(DivisionCodes.isWithin("350104", "350128")).isFalse();
        assertThat(DivisionCodes.isWithin("350102", "350102")).isFalse();
        assertThat(DivisionCodes.isWithin("350100", "350102")).isFalse();
        assertThat(DivisionCodes.isWithin("350202", "350100")).isFalse();
    }

    @Test
    void cangshanCannotBePlacedUnderPingtanCounty() {
        assertThat(checkPlacement(UnitType.DISTRICT, "350104", UnitType.COUNTY, "350128"))
                .get()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("code");
                    assertThat(p.message()).contains("350104", "350128", "行政区划内");
                    assertThat(p.messageEn()).contains("does not lie within");
                });
    }

    @Test
    void divisionsFitUnderTheirParentsDivision() {
        assertThat(checkPlacement(UnitType.DISTRICT, "350102", UnitType.CITY, "350100"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.SUBDISTRICT, "350102001", UnitType.DISTRICT, "350102"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.TOWN, "441900003", UnitType.CITY, "441900"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.COUNTY_CITY, "429004", UnitType.PROVINCE, "420000"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.COMMUNITY, "350102001001", UnitType.DISTRICT, "350102"))
                .as("a community directly under a district when its code fits")
                .isEmpty();
        assertThat(checkPlacement(UnitType.COMMUNITY, "350104001001", UnitType.DISTRICT, "350102"))
                .get()
                .extracting(DivisionCodes.Problem::field)
                .isEqualTo("code");
    }

    @Test
    void aTypeNeedsACodeOfItsOwnTier() {
        assertThat(checkPlacement(UnitType.COUNTY, "350121001", UnitType.CITY, "350100"))
                .get()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("code");
                    assertThat(p.message()).contains("乡镇(街道)级", "“县”不符", "6位");
                });
        assertThat(checkPlacement(UnitType.VILLAGE, "350102001", UnitType.DISTRICT, "350102"))
                .get()
                .extracting(DivisionCodes.Problem::field)
                .isEqualTo("code");
        assertThat(checkPlacement(UnitType.TOWN, "350102-001", UnitType.DISTRICT, "350102"))
                .as("a division type needs a division code")
                .get()
                .satisfies(p -> assertThat(p.message()).contains("须使用行政区划代码"));
    }

    @Test
    void aDivisionCannotSitUnderAUnitThatIsNotOne() {
        assertThat(checkPlacement(UnitType.VILLAGE, "350102001001", UnitType.ENTERPRISE, "350102001-001"))
                .get()
                .extracting(DivisionCodes.Problem::field)
                .isEqualTo("type");
    }

    @Test
    void theRootIsAProvinceCityCountyOrDistrict() {
        assertThat(checkPlacement(UnitType.CITY, "350100", null, null)).isEmpty();
        assertThat(checkPlacement(UnitType.PROVINCE, "350000", null, null)).isEmpty();
        assertThat(checkPlacement(UnitType.COUNTY, "350121", null, null)).isEmpty();
        assertThat(checkPlacement(UnitType.DISTRICT, "350102", null, null)).isEmpty();
        assertThat(checkPlacement(UnitType.SUBDISTRICT, "350102001", null, null))
                .get()
                .extracting(DivisionCodes.Problem::field)
                .isEqualTo("type");
        assertThat(checkPlacement(UnitType.ORGAN, "350100-001", null, null))
                .get()
                .extracting(DivisionCodes.Problem::field)
                .isEqualTo("type");
    }

    @Test
    void unitsThatAreNotDivisionsCarryTheirParentsCodeAndASequence() {
        assertThat(DivisionCodes.internalCode("350102", 1)).isEqualTo("350102-001");
        assertThat(DivisionCodes.internalCode("350102-001", 2)).isEqualTo("350102-001-002");
        assertThatThrownBy(() -> DivisionCodes.internalCode("350102", 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DivisionCodes.internalSequence("350102", "350102-007")).hasValue(7);
        assertThat(DivisionCodes.internalSequence("350102", "350102-001-002")).isEmpty();
        assertThat(DivisionCodes.internalSequence("350102", "350102001")).isEmpty();
        assertThat(DivisionCodes.internalSequence("350102", "350102-000")).isEmpty();

        assertThat(checkPlacement(UnitType.ORGAN, "350102-001", UnitType.DISTRICT, "350102"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.NEW_ORG, "350102-001-002", UnitType.ORGAN, "350102-001"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.ENTERPRISE, "350102001-001", UnitType.TOWN, "350102001"))
                .isEmpty();
        assertThat(checkPlacement(UnitType.ENTERPRISE, "350104-001", UnitType.DISTRICT, "350102"))
                .get()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("code");
                    assertThat(p.message()).contains("350102-001");
                });
        assertThat(checkPlacement(UnitType.SOCIAL_ORG, "350102009", UnitType.DISTRICT, "350102"))
                .get()
                .extracting(DivisionCodes.Problem::field)
                .isEqualTo("code");
    }

    @Test
    void aCodeOfTheWrongShapeIsRefusedWhateverTheType() {
        for (String bad : new String[] {"35010", "3501021", "350102-01", "350102-0001", "350102--001", "abc"}) {
            assertThat(DivisionCodes.isCode(bad)).as(bad).isFalse();
            assertThat(checkPlacement(UnitType.DISTRICT, bad, UnitType.CITY, "350100"))
                    .as(bad)
                    .get()
                    .extracting(DivisionCodes.Problem::field)
                    .isEqualTo("code");
        }
    }

    @Test
    void aPathHoldsAtMostSixCodesOfThatShape() {
        Pattern path = Pattern.compile(DivisionCodes.PATH_REGEX);
        assertThat(path.matcher("350100").matches()).isTrue();
        assertThat(path.matcher("350100/350102/350102001/350102001001").matches())
                .isTrue();
        assertThat(path.matcher("350100/350102/350102-001/350102-001-002").matches())
                .isTrue();
        String six = "350000/350100/350102/350102001/350102001001/350102001001-001";
        assertThat(path.matcher(six).matches()).isTrue();
        assertThat(six.split("/")).hasSize(DivisionCodes.MAX_DEPTH);
        assertThat(path.matcher(six + "/350102001001-001-001").matches()).isFalse();
        assertThat(path.matcher("350100/").matches()).isFalse();
        assertThat(path.matcher("350100//350102").matches()).isFalse();
    }
}
