package org.camelevolink.simulator.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Credits per API key: reserved when a task is created, refunded when it fails. */
public final class CreditLedger {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    /** Balance of one key; mutated only under its own lock. */
    private static final class Account {
        private BigDecimal remaining;
        private BigDecimal used = BigDecimal.ZERO;

        private Account(double credits) {
            this.remaining = BigDecimal.valueOf(credits);
        }
    }

    /** A read-only view of an account. */
    public record Balance(double remaining, double used) {
    }

    public CreditLedger(Map<String, Double> initial) {
        initial.forEach(this::set);
    }

    public void set(String apiKey, double credits) {
        accounts.put(apiKey, new Account(credits));
    }

    public boolean knows(String apiKey) {
        return apiKey != null && accounts.containsKey(apiKey);
    }

    /** Takes {@code credits} from the key or returns false, taking nothing, when it has too few. */
    public boolean reserve(String apiKey, double credits) {
        Account a = accounts.get(apiKey);
        synchronized (a) {
            BigDecimal amount = BigDecimal.valueOf(credits);
            if (a.remaining.compareTo(amount) < 0) {
                return false;
            }
            a.remaining = a.remaining.subtract(amount);
            a.used = a.used.add(amount);
            return true;
        }
    }

    public void refund(String apiKey, double credits) {
        Account a = accounts.get(apiKey);
        synchronized (a) {
            BigDecimal amount = BigDecimal.valueOf(credits);
            a.remaining = a.remaining.add(amount);
            a.used = a.used.subtract(amount);
        }
    }

    public Balance balance(String apiKey) {
        Account a = accounts.get(apiKey);
        synchronized (a) {
            return new Balance(round(a.remaining), round(a.used));
        }
    }

    private static double round(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
