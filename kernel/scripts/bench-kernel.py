#!/usr/bin/python3
"""Measures the installed "Java (DLFS)" kernel through Jupyter's own client, and checks its
behaviour over the real protocol.

    /usr/bin/python3 kernel/scripts/bench-kernel.py [--runs N] [--check]

Prints a table: kernel start to first result (process start, connect, JShell start, first cell
"1 + 1"), over N fresh kernels; and a warm one-line cell ("x + 1") round trip, median and p90 of
50. With --check it also verifies over the protocol: streaming output arrives while a cell runs,
an interrupt stops a busy loop and the kernel stays usable, System.exit does not kill the kernel,
and Tab completion / Shift-Tab inspection answer. Needs the kernelspec (./start.sh --install-only).
"""
import argparse
import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

KERNEL = "dlfs-java"


def execute(kc, code, timeout=60):
    """Runs code; returns (reply content, list of iopub messages, list of (arrival time, msg))."""
    msg_id = kc.execute(code)
    msgs = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append((time.perf_counter(), m))
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], msgs


def result_text(msgs):
    for _, m in msgs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


def cpu_seconds(km):
    """CPU time (user + system) the kernel process has used so far."""
    fields = open(f"/proc/{km.provisioner.process.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_to_first_result():
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=KERNEL)  # returns once kernel_info is answered
    t_ready = time.perf_counter()
    reply, msgs = execute(kc, "1 + 1")
    t_first = time.perf_counter()
    assert reply["status"] == "ok" and result_text(msgs) == "2", (reply, msgs)
    return km, kc, t_ready - t0, t_first - t0, cpu_seconds(km)


def check(kc):
    ok = True

    def report(name, passed, detail=""):
        nonlocal ok
        ok &= passed
        print(f"  {'ok  ' if passed else 'FAIL'} {name}{(': ' + detail) if detail else ''}")

    # Streaming: three lines 300 ms apart must arrive spread out, not all at the end.
    reply, msgs = execute(kc, 'for (int i = 0; i < 3; i++) { System.out.println("step " + i); Thread.sleep(300); }')
    times = [t for t, m in msgs if m["msg_type"] == "stream"]
    spread = times[-1] - times[0] if len(times) >= 2 else 0
    report("stdout streams while the cell runs", len(times) >= 3 and spread > 0.4,
           f"{len(times)} stream messages over {spread:.2f} s")

    # \r progress without a newline still arrives within a cell that keeps running.
    reply, msgs = execute(kc, 'System.out.print("\\rhalf way"); Thread.sleep(600); System.out.print("\\rdone"); System.out.println();')
    first = next((t for t, m in msgs if m["msg_type"] == "stream"), None)
    end = msgs[-1][0]
    report("\\r progress is flushed before the cell ends", first is not None and end - first > 0.3,
           f"first output {end - first:.2f} s before the end" if first else "no output")

    # Interrupt a busy training-like loop.
    kc.execute("long spins = 0; while (true) { spins++; }")
    time.sleep(1.0)
    t0 = time.perf_counter()
    km_interrupt(kc)
    reply = kc.get_shell_msg(timeout=30)
    stopped = time.perf_counter() - t0
    report("interrupt stops a busy loop", reply["content"]["status"] == "error"
           and reply["content"].get("ename") == "Interrupted", f"stopped in {stopped:.2f} s")
    reply, msgs = execute(kc, "spins > 0")
    report("kernel usable after interrupt, variables kept", result_text(msgs) == "true", str(result_text(msgs)))

    # System.exit.
    reply, msgs = execute(kc, "System.exit(1);")
    tb = "".join(next((m["content"]["traceback"] for _, m in msgs if m["msg_type"] == "error"), []))
    reply2, msgs2 = execute(kc, "40 + 2")
    report("System.exit does not kill the kernel", "System.exit(1) was called in a cell" in tb
           and result_text(msgs2) == "42", tb.splitlines()[0] if tb else "no error shown")

    # Compile error and exception reports.
    reply, msgs = execute(kc, "int a = 1;\nint b = a +;")
    tb = "\n".join(next((m["content"]["traceback"] for _, m in msgs if m["msg_type"] == "error"), []))
    report("compile error names the line", "line 2" in tb and "illegal start of expression" in tb, tb.splitlines()[0] if tb else "")

    # Completion and inspection.
    msg_id = kc.complete("Math.ma", 7)
    comp = kc.get_shell_msg(timeout=30)["content"]
    report("Tab completion", "max(" in comp.get("matches", []), str(comp.get("matches"))[:80])
    msg_id = kc.inspect("Math.max(", 9)
    insp = kc.get_shell_msg(timeout=30)["content"]
    text = insp.get("data", {}).get("text/plain", "")
    report("Shift-Tab inspection", insp.get("found") and "max(" in text, text.splitlines()[0] if text else "")
    return ok


_km = None


def km_interrupt(kc):
    _km.interrupt_kernel()


def main():
    global _km
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="fresh kernels to start (default 3)")
    ap.add_argument("--check", action="store_true", help="also check streaming, interrupt, exit, completion")
    args = ap.parse_args()

    starts = []
    km = kc = None
    for _ in range(args.runs):
        if km is not None:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        km, kc, ready, first, cpu = start_to_first_result()
        starts.append((ready, first, cpu))
    _km = km

    reply, _ = execute(kc, "int x = 41;")
    for _ in range(10):  # warm-up
        execute(kc, "x + 1")
    lat = []
    cpu0 = cpu_seconds(km)
    for _ in range(50):
        t0 = time.perf_counter()
        reply, msgs = execute(kc, "x + 1")
        lat.append(time.perf_counter() - t0)
        assert result_text(msgs) == "42"
    warm_cpu = (cpu_seconds(km) - cpu0) / 50
    lat.sort()

    print(f"{'measure':<44}{'median':>10}{'min':>10}{'max':>10}")
    r = [s[0] for s in starts]
    f = [s[1] for s in starts]
    print(f"{'kernel start to kernel_info reply (s)':<44}{statistics.median(r):>10.2f}{min(r):>10.2f}{max(r):>10.2f}")
    print(f"{'kernel start to first result 1+1 (s)':<44}{statistics.median(f):>10.2f}{min(f):>10.2f}{max(f):>10.2f}")
    c = [s[2] for s in starts]
    print(f"{'  kernel CPU time used by then (s)':<44}{statistics.median(c):>10.2f}{min(c):>10.2f}{max(c):>10.2f}")
    print(f"{'warm one-line cell x+1 round trip (ms)':<44}{statistics.median(lat) * 1e3:>10.1f}{lat[0] * 1e3:>10.1f}{lat[-1] * 1e3:>10.1f}")
    print(f"{'  kernel CPU time per warm cell (ms)':<44}{warm_cpu * 1e3:>10.1f}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"  ({args.runs} fresh kernels; 50 warm cells, p90 {lat[int(0.9 * len(lat))] * 1e3:.1f} ms;"
          f" load average {load:.1f} on {os.cpu_count()} cores: wall times grow with other work on the machine)")

    ok = True
    if args.check:
        print("protocol checks:")
        ok = check(kc)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
