package dlfs.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.zeromq.ZMQ;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

/**
 * Jupyter's {@code stop_on_error}: when a cell fails (an error, or Kernel &gt; Interrupt), the
 * cells queued behind it do not run. Run All sends every cell's request at once, so they wait on
 * the shell socket while the failing cell runs. When it fails, before its reply goes out, the
 * kernel takes every request already waiting: execute requests are answered status
 * {@code "aborted"} (as IPython's kernel does; the notebook then marks them not run), any other
 * request is handled as usual. A request sent after the client saw the error runs.
 */
final class StopOnError {
    private StopOnError() {
    }

    /** Wraps {@code connection}'s execute handler; {@code failed} tells whether the cell just executed failed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void install(JupyterConnection connection, ShellChannel shell, BooleanSupplier failed) {
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, request) -> {
            List<Message<?>> queued = new ArrayList<>();
            // deferred actions run last-in first-out: this one runs after the cell's reply and idle status
            env.defer(() -> queued.forEach(m -> answer(connection, shell, m)));
            execute.handle(env, request);
            if (failed.getAsBoolean() && request.getContent().shouldStopOnError()) {
                while ((shell.getEvents() & ZMQ.Poller.POLLIN) != 0) {
                    queued.add(shell.readMessage());
                }
            }
        });
    }

    /** Answers a request that was queued behind a failed cell, on the shell loop's thread as ShellChannel does. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void answer(JupyterConnection connection, ShellChannel shell, Message<?> m) {
        ShellReplyEnvironment env = connection.prepareReplyEnv(shell, m);
        try {
            if (m.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                env.setBusyDeferIdle();
                env.reply(new Message(m, (MessageType) MessageType.EXECUTE_REPLY, Map.of("status", "aborted")));
            } else {
                ShellHandler handler = connection.getHandler(m.getHeader().getType());
                if (handler != null) {
                    handler.handle(env, m);
                }
            }
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }
}
