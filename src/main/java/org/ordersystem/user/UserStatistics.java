package org.ordersystem.user;

import java.time.Instant;

/** Counts over all users for the admin dashboard; "today" and "this week" are UTC, weeks start on Monday. */
public record UserStatistics(long totalUsers, long activeUsers, long inactiveUsers, long admins, long regularUsers,
        long registeredToday, long registeredThisWeek, Instant lastRegistrationAt) {
}
