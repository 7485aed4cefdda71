package cn.fulian.rights;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.Person;
import cn.fulian.starter.test.RealServersTest;
import cn.fulian.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Registering a case against a real MongoDB replica set and Kafka (only where Docker runs). */
class RightsRealServersTest extends RealServersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aRegisteredCaseIsStoredWithItsPersonalDataMaskedForStaff() {
        Desk desk = new Desk(mvc);
        Person person = Person.random();
        String id = desk.register(TestTokens.gulouRights(), Desk.intake(person));

        Desk.Reply staffView = desk.getCase(TestTokens.gulouStaff(), id);
        assertThat(staffView.status()).isEqualTo(200);
        assertThat(staffView.body()).doesNotContain(person.name()).doesNotContain(person.phone());
    }
}
