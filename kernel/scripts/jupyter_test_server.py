"""A notebook server started as ./start.sh starts it (kernel/scripts/notebook-server.sh), for tests:
on a free loopback port, with a token, in a throw-away Jupyter config and runtime folder.

    with NotebookServer() as server:
        server.get("/api/contents/notebooks")      # (status, body); the token is added
        server.url("/tree/notebooks")              # for a browser, with ?token=...
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NotebookServer:
    def __init__(self, extra_env=None):
        self.port, self.token = free_port(), uuid.uuid4().hex
        self.base = "http://127.0.0.1:%d" % self.port
        self.extra_env = extra_env or {}

    def __enter__(self):
        self.home = tempfile.mkdtemp(prefix="dlfs-jupyter-")
        env = dict(os.environ, JUPYTER_CONFIG_DIR=os.path.join(self.home, "config"),
                   JUPYTER_RUNTIME_DIR=os.path.join(self.home, "runtime"), **self.extra_env)
        self.log = os.path.join(self.home, "server.log")
        args = [os.path.join(ROOT, "kernel/scripts/notebook-server.sh"), ROOT, "--no-browser", "--ip=127.0.0.1",
                "--port=%d" % self.port, "--port-retries=0", "--NotebookApp.token=" + self.token,
                "--ServerApp.token=" + self.token]
        if os.getuid() == 0:
            args.append("--allow-root")
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=open(self.log, "w"))
        for _ in range(150):
            if self.process.poll() is not None:
                raise RuntimeError("the notebook server exited:\n" + open(self.log).read())
            try:
                urllib.request.urlopen(self.url("/api/status"), timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the notebook server did not answer in 30 s:\n" + open(self.log).read())

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.home, ignore_errors=True)

    def url(self, path):
        return self.base + path + ("&" if "?" in path else "?") + "token=" + self.token

    def get(self, path):
        """(status, body) of a GET; redirects are followed."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def landing(self):
        """The path the server's front page redirects to."""
        with urllib.request.urlopen(self.url("/"), timeout=30) as r:
            return urllib.parse.urlsplit(r.url).path

    def request(self, method, path, body=None):
        req = urllib.request.Request(self.url(path), method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            data = r.read()
            return json.loads(data) if data else None
