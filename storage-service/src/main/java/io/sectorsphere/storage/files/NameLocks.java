package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serializes the short critical sections that change one name: commit, delete, and the rescan's
 * view of it. Striped, so memory does not grow with the number of names; a collision only makes two
 * names wait for each other briefly. Never held while bytes are streamed.
 */
@Component
public class NameLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    NameLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(FileName name, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(name.value().hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
