package ru.rsoko.account;

import java.time.Instant;

/**
 * Sign-ins to an account from one address have just started to be throttled after a run of failed ones: its owner is
 * told (the notification module listens), at most once an hour whatever the attempts.
 */
public record LoginThrottled(long accountId, String address, Instant at) {
}
