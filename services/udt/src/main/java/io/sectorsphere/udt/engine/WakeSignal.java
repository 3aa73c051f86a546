package io.sectorsphere.udt.engine;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where an application thread waits for a ring to change and the event loop wakes it. The loop
 * takes the lock only when somebody waits: state lives in volatile fields, the waiter announces
 * itself before it checks the state, the loop changes the state before it checks for waiters,
 * so one of the two always sees the other.
 */
final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile int waiters;

    /** Waits until {@code ready} holds or {@code timeoutNanos} passed; returns the time left. */
    long await(BooleanSupplier ready, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            waiters++;
            long remaining = timeoutNanos;
            while (!ready.getAsBoolean() && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return remaining;
        } finally {
            waiters--;
            lock.unlock();
        }
    }

    /** Wakes whoever waits; a no-op costing one volatile read when nobody does. */
    void wake() {
        if (waiters > 0) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
