package cn.fulian.events;

import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.ActivityVoided;
import cn.fulian.events.activity.HonourAwarded;
import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.events.planning.AssignmentAcknowledged;
import cn.fulian.events.planning.AssignmentReminded;
import cn.fulian.events.planning.DeadlineExtended;
import cn.fulian.events.planning.EntryYearClosed;
import cn.fulian.events.planning.EntryYearOpened;
import cn.fulian.events.planning.ExtensionRejected;
import cn.fulian.events.planning.ExtensionRequested;
import cn.fulian.events.planning.PlanPublished;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TargetRetained;
import cn.fulian.events.planning.TargetRevised;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.events.reporting.ProgressReported;
import cn.fulian.events.reporting.ReportApproved;
import cn.fulian.events.reporting.ReportReturned;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseFollowedUp;
import cn.fulian.events.rights.CaseOverdue;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.events.rights.CaseReopened;
import cn.fulian.events.rights.CaseTransferred;
import java.util.Map;
import java.util.Optional;

/** The event catalogue: wire type string to contract record. */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> TYPES = Map.ofEntries(
            Map.entry(OrgUnitChanged.TYPE, OrgUnitChanged.class),
            Map.entry(PlanPublished.TYPE, PlanPublished.class),
            Map.entry(TaskPublished.TYPE, TaskPublished.class),
            Map.entry(TargetAllocated.TYPE, TargetAllocated.class),
            Map.entry(TargetRetained.TYPE, TargetRetained.class),
            Map.entry(EntryYearOpened.TYPE, EntryYearOpened.class),
            Map.entry(EntryYearClosed.TYPE, EntryYearClosed.class),
            Map.entry(AssignmentAcknowledged.TYPE, AssignmentAcknowledged.class),
            Map.entry(DeadlineExtended.TYPE, DeadlineExtended.class),
            Map.entry(TaskCancelled.TYPE, TaskCancelled.class),
            Map.entry(AssignmentReminded.TYPE, AssignmentReminded.class),
            Map.entry(ExtensionRequested.TYPE, ExtensionRequested.class),
            Map.entry(ExtensionRejected.TYPE, ExtensionRejected.class),
            Map.entry(TargetRevised.TYPE, TargetRevised.class),
            Map.entry(ActivityRecorded.TYPE, ActivityRecorded.class),
            Map.entry(ActivityAmended.TYPE, ActivityAmended.class),
            Map.entry(ActivityVoided.TYPE, ActivityVoided.class),
            Map.entry(HonourAwarded.TYPE, HonourAwarded.class),
            Map.entry(HonourReviewed.TYPE, HonourReviewed.class),
            Map.entry(CaseRegistered.TYPE, CaseRegistered.class),
            Map.entry(CaseTransferred.TYPE, CaseTransferred.class),
            Map.entry(CaseClosed.TYPE, CaseClosed.class),
            Map.entry(CaseReopened.TYPE, CaseReopened.class),
            Map.entry(CaseFollowedUp.TYPE, CaseFollowedUp.class),
            Map.entry(CaseOverdue.TYPE, CaseOverdue.class),
            Map.entry(ProgressReported.TYPE, ProgressReported.class),
            Map.entry(ReportApproved.TYPE, ReportApproved.class),
            Map.entry(ReportReturned.TYPE, ReportReturned.class));

    private EventTypes() {}

    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    public static Map<String, Class<? extends DomainEvent>> all() {
        return TYPES;
    }
}
