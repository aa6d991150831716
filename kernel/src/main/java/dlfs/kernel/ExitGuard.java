package dlfs.kernel;

import java.security.Permission;

/**
 * Keeps {@code System.exit} in a cell from killing the kernel: the call throws a
 * {@link SecurityException} that the cell reports, and the kernel runs on.
 *
 * <p>It uses the JDK's SecurityManager hook, which Java 17 still offers (deprecated, with a
 * warning on the kernel's log) and which the kernelspec enables with
 * {@code -Djava.security.manager=allow}. Only exits from cell threads are refused; every other
 * permission is granted, so nothing else changes.
 */
final class ExitGuard extends SecurityManager {
    static final String MESSAGE_PREFIX = "System.exit";

    private final ThreadGroup cells;

    private ExitGuard(ThreadGroup cells) {
        this.cells = cells;
    }

    private static Boolean installed;

    /**
     * Installs the guard once per JVM; returns false (and changes nothing) where the JDK no longer
     * allows it or another security manager is in place.
     */
    @SuppressWarnings("removal")
    static synchronized boolean installOnce(ThreadGroup cells) {
        if (installed != null) {
            return installed;
        }
        installed = false;
        if (System.getSecurityManager() != null) {
            return false;
        }
        try {
            System.setSecurityManager(new ExitGuard(cells));
            installed = true;
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        if (cells.parentOf(Thread.currentThread().getThreadGroup())) {
            throw new SecurityException(MESSAGE_PREFIX + "(" + status + ") was called in a cell; the kernel keeps running"
                    + " (to start afresh, use Kernel > Restart).");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed
    }
}
