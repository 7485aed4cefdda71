package cn.fulian.rights.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.rights.deadline.DeadlineProperties;
import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.rights.support.Sealing;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Re-encryption of one case against a store that reports concurrent edits, without Spring. */
class CaseResealingTest {

    static final String ID = "c-1";
    final String k1 = Sealing.newKey();
    final PersonalDataCipher cipher = PersonalDataCipher.fromSettings(k1, "k2=" + Sealing.newKey(), "k2", "k2");
    final CaseRepository repository = mock(CaseRepository.class);
    final CaseResealing resealing = new CaseResealing(repository, mock(MongoTemplate.class), cipher);

    /** A fresh copy of a case sealed before the rotation, as each load from the store gives it. */
    RightsCase storedBeforeRotation(String accountKeyId) {
        String account = accountKeyId.equals("k1")
                ? Sealing.v1(k1, "当事人陈述", ID, SealedPersonalData.ACCOUNT)
                : Sealing.v2(accountKeyId, Sealing.newKey(), "当事人陈述", ID, SealedPersonalData.ACCOUNT);
        RightsCase c = RightsCase.register(
                ID,
                Channel.LETTER,
                Category.MARRIAGE_FAMILY,
                false,
                false,
                new SealedPersonalData(
                        Sealing.v1(k1, "林秀英", ID, SealedPersonalData.COMPLAINANT_NAME),
                        Sealing.v1(k1, "13859012345", ID, SealedPersonalData.COMPLAINANT_PHONE),
                        null,
                        null,
                        null,
                        null,
                        account),
                PersonalDataCipher.fromBase64(k1).matchHash("phone", "13859012345"),
                null,
                List.of(),
                new DeadlinePolicy(DeadlineProperties.defaults())
                        .forNewCase(Channel.LETTER, Category.MARRIAGE_FAMILY, false, LocalDate.of(2026, 5, 6)),
                LocalDate.of(2026, 5, 6),
                LocalDate.of(2026, 5, 6),
                new Actor("gulou-rights", OrgPath.of("350100/350102")),
                Instant.parse("2026-05-06T02:30:00Z"));
        c.accept(
                new Actor("gulou-rights", OrgPath.of("350100/350102")),
                Sealing.v1(k1, "已联系", ID, SealedPersonalData.NOTES),
                Instant.parse("2026-05-06T03:30:00Z"));
        return c;
    }

    @Test
    void aCaseEditedDuringReEncryptionIsReadAgainAndWrittenWhole() {
        when(repository.findById(ID))
                .thenReturn(Optional.of(storedBeforeRotation("k1")), Optional.of(storedBeforeRotation("k1")));
        when(repository.save(any(RightsCase.class)))
                .thenThrow(new OptimisticLockingFailureException("version changed"))
                .thenAnswer(call -> call.getArgument(0));

        CaseResealing.Outcome outcome = resealing.reseal(ID);

        assertThat(outcome).isEqualTo(new CaseResealing.Outcome.Resealed(4));
        verify(repository, times(2)).save(any(RightsCase.class));
    }

    @Test
    void aCaseThatKeepsChangingIsSkippedAndCountedNotHalfWritten() {
        when(repository.findById(ID)).thenAnswer(call -> Optional.of(storedBeforeRotation("k1")));
        when(repository.save(any(RightsCase.class)))
                .thenThrow(new OptimisticLockingFailureException("version changed"));

        assertThat(resealing.reseal(ID)).isEqualTo(new CaseResealing.Outcome.Skipped());
        verify(repository, times(CaseResealing.ATTEMPTS)).save(any(RightsCase.class));
    }

    @Test
    void aCaseWithAValueUnderAKeyNotInTheRingIsRefusedAndNotWritten() {
        when(repository.findById(ID)).thenAnswer(call -> Optional.of(storedBeforeRotation("k9")));

        assertThat(resealing.reseal(ID)).isEqualTo(new CaseResealing.Outcome.Refused("k9"));
        verify(repository, never()).save(any(RightsCase.class));
    }

    @Test
    void resealingMovesEveryValueAndTheMatchHashToTheCurrentKeysAndChangesNothingElse() {
        RightsCase c = storedBeforeRotation("k1");
        when(repository.findById(ID)).thenReturn(Optional.of(c));
        when(repository.save(any(RightsCase.class))).thenAnswer(call -> call.getArgument(0));
        var before = c.timeline().stream().map(t -> t.type() + "@" + t.at()).toList();

        resealing.reseal(ID);

        assertThat(c.sealedValues())
                .hasSize(4)
                .allSatisfy(v -> assertThat(v.value()).startsWith("v2:k2:"));
        assertThat(cipher.open(c.personal().complainantName(), ID, SealedPersonalData.COMPLAINANT_NAME))
                .isEqualTo("林秀英");
        assertThat(cipher.open(c.timeline().get(1).note(), ID, SealedPersonalData.NOTES))
                .isEqualTo("已联系");
        assertThat(c.phoneHash()).isEqualTo(cipher.matchHash("phone", "13859012345"));
        assertThat(c.timeline().stream().map(t -> t.type() + "@" + t.at()).toList())
                .isEqualTo(before);
        assertThat(RightsCaseTest.types(c)).containsExactly("CaseRegistered");
    }
}
