package cn.fulian.activity.honour;

/** How a review round ended within the caller's subtree: 复查 862 → 保留 726, 撤销 113, 移交 23. */
public record RoundCount(String round, long total, long retained, long revoked, long transferred) {}
