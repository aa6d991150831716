#!/usr/bin/python3
"""What a student's notebook relies on, over Jupyter's real protocol, against the installed
"Java (DLFS)" kernel (./start.sh --install-only):

    /usr/bin/python3 kernel/scripts/jupyter-protocol-test.py

1. Output arrives whole: a cell printing 100,000 lines one println at a time, read through
   jupyter_client straight from the kernel, and through Jupyter's notebook server (its websocket,
   with the server's default IOPub rate limits): every line arrives, in order, and the execution
   ends with its execute_reply and its idle status.
2. An interrupted cell replies status "error", ename "Interrupted", and the cells queued behind it
   (as Run All queues them) are answered "aborted" and do not run; a later cell runs.
3. A variable whose cell was interrupted is named with that cell, never JShell's REPL.$JShell$N.
4. A training run is one display (display_data with a display_id) updated in place
   (update_display_data), ending "done in".
5. Shift-Tab (inspect_request) on a library method shows its Javadoc.

Prints one line per check and a closing "N passed, N failed"; exits 1 if any failed.
"""
import json
import os
import re
import sys
import time
import uuid

from jupyter_client.manager import start_new_kernel

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jupyter_test_server import NotebookServer  # noqa: E402

KERNEL = "dlfs-java"
LINES = 100_000
PRINT_LINES = 'for (int i = 0; i < %d; i++) System.out.println("line " + i);' % LINES
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print("%s %s%s" % ("PASS" if ok else "FAIL", name, "" if ok else ": " + detail), flush=True)


def collect(kc, msg_id, timeout=120):
    """iopub messages of one request up to its idle status (None if it never came), and its reply."""
    msgs, deadline = [], time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        except Exception:
            break
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            reply = kc.get_shell_msg(timeout=30)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = kc.get_shell_msg(timeout=30)
            return msgs, reply["content"]
    return None, None


def lines_in_order(text):
    lines = text.split("\n")
    return lines[-1] == "" and lines[:-1] == ["line %d" % i for i in range(LINES)]


def stdout_of(msgs):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def output_through_jupyter_client(kc):
    t0 = time.time()
    msgs, reply = collect(kc, kc.execute(PRINT_LINES))
    if msgs is None:
        return check("jupyter_client: 100,000 printed lines end with idle", False, "no idle status within 120 s")
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    text = stdout_of(msgs)
    check("jupyter_client: 100,000 printed lines arrive whole and in order (%d stream messages, %.1f s)"
          % (len(streams), time.time() - t0), lines_in_order(text), "%d lines arrived" % text.count("\n"))
    check("jupyter_client: the cell ends with execute_reply ok and idle", reply["status"] == "ok", str(reply))


def interrupt_stops_the_queue(km, kc):
    running = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
    queued = [kc.execute("int after = 1;"), kc.execute("after + 1")]
    time.sleep(1.5)
    km.interrupt_kernel()
    msgs, reply = collect(kc, running, timeout=60)
    check("interrupted cell replies error, ename Interrupted",
          reply is not None and reply["status"] == "error" and reply.get("ename") == "Interrupted", str(reply))
    errors = [m["content"] for m in msgs or [] if m["msg_type"] == "error"]
    check("interrupted cell shows an Interrupted error", errors and errors[0]["ename"] == "Interrupted", str(errors))
    for q in queued:
        _, r = collect(kc, q, timeout=30)
        check("cell queued behind it is aborted", r is not None and r["status"] == "aborted", str(r))
    time.sleep(0.5)  # a student reads the error, then runs a cell
    msgs, r = collect(kc, kc.execute("spins > 0"))
    value = [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result"]
    check("a cell run afterwards runs, with the interrupted cell's variables", r["status"] == "ok" and value == ["true"],
          str((r, value)))
    _, r = collect(kc, kc.execute("after"))
    check("the aborted cells did not run", r["status"] == "error", str(r))


def interrupted_variable_is_named(km, kc):
    collect(kc, kc.execute("String slow() { while (true) { } }"))
    running = kc.execute("String history = slow();")
    time.sleep(1.0)
    km.interrupt_kernel()
    msgs, _ = collect(kc, running, timeout=60)
    label = "In [%d]" % [m["content"]["execution_count"] for m in msgs if m["msg_type"] == "execute_input"][0]
    time.sleep(0.5)
    msgs, r = collect(kc, kc.execute("history.length()"))
    report = "\n".join("\n".join(m["content"]["traceback"]) for m in msgs if m["msg_type"] == "error")
    check("a variable of an interrupted cell is named with that cell, not REPL.$JShell$N",
          "REPL." not in report and "$JShell$" not in report
          and label + " was interrupted before it assigned history" in report, report)


def training_bar_updates_in_place(kc):
    code = """
        import dlfs.nd.*; import dlfs.nets.*; import dlfs.optim.*; import dlfs.train.*;
        var x = NDArray.rand(1000, 50); var t = NDArray.zeros(1000);
        var net = new MultiLayerNet(50, new int[] {100}, 10, new Rng(1));
        new Trainer(net, new SGD(0.1)).data(x, t).iterations(600).batchSize(100).seed(1).train();
    """
    msgs, r = collect(kc, kc.execute(code))
    shown = [m for m in msgs if m["msg_type"] == "display_data" and "display_id" in m["content"].get("transient", {})]
    bar_id = shown[-1]["content"]["transient"]["display_id"] if shown else None
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"
               and m["content"].get("transient", {}).get("display_id") == bar_id]
    check("a training run is one display with a display_id", r["status"] == "ok" and len(shown) >= 1 and bar_id
          and sum(1 for m in shown if "Trainer" in m["content"]["data"].get("text/plain", "")
                  or "MultiLayerNet" in m["content"]["data"].get("text/plain", "")) >= 1,
          str(r) + " " + str([m["content"] for m in shown])[:500])
    last = updates[-1]["content"]["data"] if updates else {}
    seconds = float(re.search(r"in ([0-9.]+) s", stdout_of(msgs)).group(1))
    check("it is updated in place (%d updates in %.1f s) and ends 'done in'" % (len(updates), seconds),
          len(updates) >= min(2, int(seconds / 0.5)) and "done in" in last.get("text/plain", "") and "text/html" in last,
          str(last)[:300])
    stdout = stdout_of(msgs)
    check("its stdout is one 'done' line, not a log", stdout.count("\n") == 1 and stdout.startswith("done: "), stdout[:300])


def output_through_notebook_server():
    """The same 100,000 lines through the notebook server start.sh starts, with its default rate limits."""
    from tornado import gen, ioloop, websocket, httpclient  # installed with Jupyter's notebook server

    with NotebookServer() as server:
        kernel_id = server.request("POST", "/api/kernels", {"name": KERNEL})["id"]
        port, token = server.port, server.token

        @gen.coroutine
        def run():
            ws = yield websocket.websocket_connect(httpclient.HTTPRequest(
                "ws://127.0.0.1:%d/api/kernels/%s/channels?token=%s" % (port, kernel_id, token)),
                max_message_size=1 << 30)
            session = uuid.uuid4().hex

            def request(code):
                msg_id = uuid.uuid4().hex
                ws.write_message(json.dumps({
                    "header": {"msg_id": msg_id, "username": "test", "session": session, "msg_type": "execute_request",
                               "version": "5.3", "date": ""},
                    "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                    "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                                "allow_stdin": False, "stop_on_error": True}}))
                return msg_id

            out = {"text": [], "reply": None, "idle": False, "notices": []}
            yield gen.sleep(3)  # the kernel starts
            warm = request("1 + 1")
            msg_id = None
            deadline = time.time() + 180
            while time.time() < deadline:
                raw = yield ws.read_message()
                if raw is None:
                    break
                m = json.loads(raw)
                parent = m["parent_header"].get("msg_id")
                if parent == warm and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    msg_id = request(PRINT_LINES)
                    continue
                if msg_id is None or parent != msg_id:
                    continue
                if m["msg_type"] == "stream":
                    if m["content"]["name"] == "stdout":
                        out["text"].append(m["content"]["text"])
                    else:
                        out["notices"].append(m["content"]["text"])
                elif m["msg_type"] == "execute_reply":
                    out["reply"] = m["content"]
                elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    out["idle"] = True
                if out["idle"] and out["reply"] is not None:
                    break
            ws.close()
            return out

        out = ioloop.IOLoop.current().run_sync(run, timeout=240)
        text = "".join(out["text"])
        check("notebook server: 100,000 printed lines arrive whole, under its default rate limits",
              lines_in_order(text) and not out["notices"], "%d lines; stderr %s" % (text.count("\n"), out["notices"][:2]))
        check("notebook server: execute_reply ok and idle arrive", out["idle"] and (out["reply"] or {}).get("status") == "ok",
              str(out["reply"]))
        server.request("DELETE", "/api/kernels/" + kernel_id)


def shift_tab_shows_javadoc(kc):
    code = "dlfs.Course.pick("
    msg_id = kc.inspect(code, len(code))
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    text = reply["content"].get("data", {}).get("text/plain", "")
    check("Shift-Tab (inspect_request) shows the library's Javadoc",
          reply["content"]["found"] and "int dlfs.Course.pick(int full, int quick)" in text and "quick mode" in text, text)


def main():
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    try:
        output_through_jupyter_client(kc)
        interrupt_stops_the_queue(km, kc)
        interrupted_variable_is_named(km, kc)
        training_bar_updates_in_place(kc)
        shift_tab_shows_javadoc(kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    output_through_notebook_server()
    print("%d passed, %d failed" % (results.count(True), results.count(False)))
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
