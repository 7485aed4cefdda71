package cn.fulian.rights.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.events.rights.CaseOverdue;
import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.codes.DeadlineStage;
import cn.fulian.rights.codes.Outcome;
import cn.fulian.rights.codes.StepType;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.rights.deadline.DeadlineProperties;
import cn.fulian.starter.outbox.OutboxEntry;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RightsCaseTest {

    static final Actor OFFICER = new Actor("gulou-rights", OrgPath.of("350100/350102"));
    static final LocalDate DAY0 = LocalDate.of(2026, 5, 6);
    static final Instant T0 = Instant.parse("2026-05-06T02:30:00Z");
    final DeadlinePolicy policy = new DeadlinePolicy(DeadlineProperties.defaults());

    RightsCase newCase(boolean urgent) {
        return received(DAY0, urgent);
    }

    /** A case that came in on {@code receivedOn} and is typed in on DAY0. */
    RightsCase received(LocalDate receivedOn, boolean urgent) {
        return RightsCase.register(
                "c-1",
                Channel.LETTER,
                Category.MARRIAGE_FAMILY,
                urgent,
                false,
                new SealedPersonalData("v1:x", null, null, null, null, null, "v1:y"),
                null,
                null,
                List.of(),
                policy.forNewCase(Channel.LETTER, Category.MARRIAGE_FAMILY, urgent, receivedOn),
                receivedOn,
                DAY0,
                OFFICER,
                T0);
    }

    static List<String> types(RightsCase c) {
        return c.pendingEvents().stream().map(OutboxEntry::type).toList();
    }

    @Test
    void aNewCaseMustBeAcceptedWithinFifteenDaysAndConcludedWithinSixty() {
        RightsCase c = newCase(false);
        assertThat(c.acceptDueDate()).isEqualTo(LocalDate.of(2026, 5, 21));
        assertThat(c.concludeDueDate()).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(c.nextDueDate()).isEqualTo(c.acceptDueDate());
        c.accept(OFFICER, null, T0);
        assertThat(c.nextDueDate()).isEqualTo(c.concludeDueDate());
    }

    @Test
    void onlyACaseInProgressCanBeClosed() {
        RightsCase c = newCase(false);
        assertThatThrownBy(() -> c.close(OFFICER, Outcome.RESOLVED, null, T0, DAY0))
                .isInstanceOf(ConflictException.class);
        c.accept(OFFICER, null, T0);
        assertThatThrownBy(() -> c.close(OFFICER, Outcome.RESOLVED, null, T0, DAY0))
                .isInstanceOf(ConflictException.class);
        c.addStep(OFFICER, StepType.MEDIATION, null, T0);
        c.close(OFFICER, Outcome.RESOLVED, null, T0, DAY0);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> c.close(OFFICER, Outcome.RESOLVED, null, T0, DAY0))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void stepsNeedAnAcceptedCase() {
        RightsCase c = newCase(false);
        assertThatThrownBy(() -> c.addStep(OFFICER, StepType.LEGAL_AID, null, T0))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("受理");
    }

    @Test
    void closingAfterTheConcludeDayIsLateAndOnTheDayIsOnTime() {
        RightsCase late = inProgress();
        late.close(OFFICER, Outcome.MEDIATED, null, T0, LocalDate.of(2026, 7, 6));
        assertThat(late.closedOnTime()).isFalse();

        RightsCase onTime = inProgress();
        onTime.close(OFFICER, Outcome.MEDIATED, null, T0, LocalDate.of(2026, 7, 5));
        assertThat(onTime.closedOnTime()).isTrue();
    }

    @Test
    void eachBreachIsReportedOnceHoweverOftenTheDetectorRuns() {
        RightsCase c = newCase(false);
        assertThat(c.detectOverdue(LocalDate.of(2026, 5, 21), T0)).isZero();
        assertThat(c.detectOverdue(LocalDate.of(2026, 5, 22), T0)).isEqualTo(1);
        assertThat(c.detectOverdue(LocalDate.of(2026, 5, 23), T0)).isZero();
        assertThat(c.breaches()).extracting(Breach::stage).containsExactly(DeadlineStage.ACCEPT);

        c.accept(OFFICER, null, T0);
        assertThat(c.detectOverdue(LocalDate.of(2026, 7, 5), T0)).isZero();
        assertThat(c.detectOverdue(LocalDate.of(2026, 7, 6), T0)).isEqualTo(1);
        assertThat(c.detectOverdue(LocalDate.of(2026, 9, 1), T0)).isZero();
        assertThat(types(c)).containsExactly("CaseRegistered", CaseOverdue.TYPE, CaseOverdue.TYPE);
    }

    @Test
    void aCaseNeverAcceptedBreachesBothDeadlinesOnceEach() {
        RightsCase c = newCase(false);
        assertThat(c.detectOverdue(LocalDate.of(2026, 8, 1), T0)).isEqualTo(2);
        assertThat(c.detectOverdue(LocalDate.of(2026, 8, 2), T0)).isZero();
        assertThat(c.breaches())
                .extracting(Breach::stage)
                .containsExactlyInAnyOrder(DeadlineStage.ACCEPT, DeadlineStage.CONCLUDE);
    }

    @Test
    void aClosedCaseIsNotOverdueButAReopenedOneRunsAgainstItsNewDeadline() {
        RightsCase c = inProgress();
        c.close(OFFICER, Outcome.MEDIATED, null, T0, DAY0);
        assertThat(c.detectOverdue(LocalDate.of(2026, 12, 1), T0)).isZero();

        c.reopen(OFFICER, null, LocalDate.of(2026, 8, 1), T0);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.detectOverdue(LocalDate.of(2026, 8, 1), T0)).isZero();
        assertThat(c.detectOverdue(LocalDate.of(2026, 8, 2), T0)).isEqualTo(1);
        assertThat(c.breaches())
                .singleElement()
                .satisfies(b -> assertThat(b.dueDate()).isEqualTo("2026-08-01"));
    }

    @Test
    void anUrgentCaseIsDueTheNextDay() {
        RightsCase c = newCase(true);
        assertThat(c.acceptDueDate()).isEqualTo(DAY0.plusDays(1));
        assertThat(c.concludeDueDate()).isEqualTo(DAY0.plusDays(1));
    }

    @Test
    void aPendingTransferBlocksHandlingUntilTheReceiverDecides() {
        RightsCase c = newCase(false);
        c.requestTransfer(OFFICER, OrgPath.of("350100/350102/350102001"), TransferDirection.DOWN, null, T0);
        assertThatThrownBy(() -> c.accept(OFFICER, null, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.requestTransfer(OFFICER, OrgPath.of("350100"), TransferDirection.UP, null, T0))
                .isInstanceOf(ConflictException.class);
        c.acceptTransfer(new Actor("gudong-rights", OrgPath.of("350100/350102/350102001")), null, T0);
        assertThat(c.handlingUnit().value()).isEqualTo("350100/350102/350102001");
        assertThat(c.responsibleUnits()).containsExactly("350100/350102/350102001", "350100/350102");
        assertThatThrownBy(() -> c.acceptTransfer(OFFICER, null, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void followUpOnlyOnceAfterClosureAndReopenOnlyWhenClosed() {
        RightsCase c = inProgress();
        assertThatThrownBy(() -> c.followUp(OFFICER, 5, null, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.reopen(OFFICER, null, DAY0, T0)).isInstanceOf(ConflictException.class);
        c.close(OFFICER, Outcome.EXPLAINED, null, T0, DAY0);
        c.followUp(OFFICER, 5, null, T0);
        assertThatThrownBy(() -> c.followUp(OFFICER, 3, null, T0)).isInstanceOf(ConflictException.class);
        assertThat(types(c)).containsExactly("CaseRegistered", "CaseClosed", "CaseFollowedUp");
    }

    @Test
    void aCaseReceivedInAnEarlierYearClosesOnTimeAgainstItsOwnDeadlineAndSaysSoInItsEvents() {
        RightsCase c = received(LocalDate.of(2013, 3, 4), false);
        assertThat(c.acceptDueDate()).isEqualTo(LocalDate.of(2013, 3, 19));
        assertThat(c.concludeDueDate()).isEqualTo(LocalDate.of(2013, 5, 3));
        c.accept(OFFICER, null, T0);
        c.addStep(OFFICER, StepType.MEDIATION, null, T0);
        c.close(OFFICER, Outcome.MEDIATED, null, T0, DAY0, LocalDate.of(2013, 4, 20));

        assertThat(c.closedOnTime()).isTrue();
        assertThat(c.closedOn(java.time.ZoneOffset.UTC)).isEqualTo(LocalDate.of(2013, 4, 20));
        assertThat(c.pendingEvents()).extracting(OutboxEntry::type).containsExactly("CaseRegistered", "CaseClosed");
    }

    @Test
    void aClosureRecordedLateIsJudgedByTheDayItWasConcluded() {
        RightsCase c = received(LocalDate.of(2013, 3, 4), false);
        c.accept(OFFICER, null, T0);
        c.addStep(OFFICER, StepType.MEDIATION, null, T0);
        c.close(OFFICER, Outcome.MEDIATED, null, T0, DAY0, LocalDate.of(2013, 5, 4));
        assertThat(c.closedOnTime()).isFalse();
    }

    @Test
    void aCaseCannotBeReceivedTomorrowNorBefore2000NorConcludedBeforeItCameInOrAfterToday() {
        assertThatThrownBy(() -> received(DAY0.plusDays(1), false))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("receivedOn"));
        assertThatThrownBy(() -> received(LocalDate.of(1999, 12, 31), false))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("receivedOn"));

        RightsCase c = received(LocalDate.of(2013, 3, 4), false);
        c.accept(OFFICER, null, T0);
        c.addStep(OFFICER, StepType.MEDIATION, null, T0);
        assertThatThrownBy(() -> c.close(OFFICER, Outcome.MEDIATED, null, T0, DAY0, LocalDate.of(2013, 3, 3)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
        assertThatThrownBy(() -> c.close(OFFICER, Outcome.MEDIATED, null, T0, DAY0, DAY0.plusDays(1)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.closedOnTime()).isNull();
    }

    @Test
    void deadlinesPassedBeforeTheCaseWasTypedInAreReportedOnlyIfItIsStillOpenTheNextDay() {
        RightsCase handledAtOnce = received(LocalDate.of(2013, 3, 4), false);
        assertThat(handledAtOnce.detectOverdue(DAY0, T0)).isZero();
        handledAtOnce.accept(OFFICER, null, T0);
        handledAtOnce.addStep(OFFICER, StepType.MEDIATION, null, T0);
        assertThat(handledAtOnce.detectOverdue(DAY0, T0)).isZero();
        handledAtOnce.close(OFFICER, Outcome.MEDIATED, null, T0, DAY0, LocalDate.of(2013, 4, 20));
        assertThat(handledAtOnce.detectOverdue(DAY0.plusDays(1), T0)).isZero();
        assertThat(handledAtOnce.breaches()).isEmpty();

        RightsCase leftOpen = received(LocalDate.of(2013, 3, 4), false);
        assertThat(leftOpen.detectOverdue(DAY0, T0)).isZero();
        assertThat(leftOpen.detectOverdue(DAY0.plusDays(1), T0)).isEqualTo(2);
        assertThat(leftOpen.breaches())
                .extracting(Breach::dueDate)
                .containsExactlyInAnyOrder("2013-03-19", "2013-05-03");
        assertThat(leftOpen.detectOverdue(DAY0.plusDays(2), T0)).isZero();
    }

    private RightsCase inProgress() {
        RightsCase c = newCase(false);
        c.accept(OFFICER, null, T0);
        c.addStep(OFFICER, StepType.MEDIATION, null, T0);
        return c;
    }
}
