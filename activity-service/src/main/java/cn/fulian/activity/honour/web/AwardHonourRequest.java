package cn.fulian.activity.honour.web;

import cn.fulian.activity.honour.HonourKind;
import cn.fulian.activity.honour.HonourLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Registers an honour: its kind and level, who holds it (a post, village, base or family) and under which unit (the
 * caller's own unit when empty, else one below it), and when it was awarded.
 */
record AwardHonourRequest(
        @NotNull HonourKind kind,
        @NotNull HonourLevel level,
        @NotBlank @Size(max = 100) String holderName,
        String holderUnitPath,
        @NotNull LocalDate awardedOn,
        @Size(max = 60) String awardedBy,
        @Size(max = 60) String certificateNo) {}
