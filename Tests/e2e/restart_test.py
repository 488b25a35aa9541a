#!/usr/bin/env python3
"""The data survives (make test-web): kill the server during a job and during an upload, start it again, and the
assembly is intact, the job is failed (never left running), and nothing is half-stored.

Usage: restart_test.py PATH/TO/kleroterion
"""
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webapp import ROOT, Server  # noqa: E402

failures = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        failures.append(what)


class Client:
    def __init__(self, server):
        self.server, self.cookies = server, {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=600)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";")[0]
        data = r.read()
        conn.close()
        return r.status, r.getheader("Location"), data

    def form(self, path, fields):
        if "kl_csrf" not in self.cookies:
            self.request("GET", "/")
        body = urllib.parse.urlencode([("csrf", self.cookies["kl_csrf"])] + fields)
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def put(self, path, data, name):
        return self.request("PUT", path, data, {"Content-Type": "text/csv", "X-File-Name": name})


def prepare(binary, work):
    """A Zeist-like pool and quotas, made with the CLI (the web steps before them have their own test)."""
    register = os.path.join(work, "register.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "examples/zeist/generate_register.py"), "--out", register], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([binary, "invite", "--register", register, "--count", "6500", "--seed", "restart", "--out", work + "/invite",
                    "--household-columns", "street,house_number,postcode", "--strata", "district", "--min-age", "16",
                    "--reference-date", "2020-11-01"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, os.path.join(ROOT, "examples/zeist/simulate_response.py"), "--invitations",
                    work + "/invite/invitations.csv", "--out-dir", work], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "quotas", "--template", "nl-gemeente", "--register", register, "--shares", "cbs-education-utrecht-2024",
                    "--panel-size", "150", "--reference-date", "2020-11-01", "--min-age", "16", "--out", work + "/quotas.csv"],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return register, work + "/respondents.csv", work + "/quotas.csv"


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="kleroterion-restart-")
    register, respondents, quotas = prepare(binary, work)
    data = os.path.join(work, "data")
    server = Server(binary, data).start()
    c = Client(server)
    status, _, body = c.request("POST", "/assemblies", json.dumps({"name": "Herstart", "municipality": "Zeist", "panelSize": 150,
                                                                    "referenceDate": "2020-11-01"}), {"Content-Type": "application/json"})
    check(status == 201, f"assembly created ({status})")
    aid = json.loads(body)["id"]
    check(c.put(f"/api/assemblies/{aid}/quotas", open(quotas, "rb").read(), "quotas.csv")[0] == 201, "quotas uploaded")
    check(c.put(f"/api/assemblies/{aid}/respondents", open(respondents, "rb").read(), "respondents.csv")[0] == 201, "respondents uploaded")

    print("Kill during a job (the commitment)")
    status, location, _ = c.form(f"/assemblies/{aid}/commit", [("seedFormat", "dice:10"), ("seedSource", "dobbelsteen"),
                                                                 ("notBefore", "2020-01-01T00:00"), ("panels", "1000")])
    check(status == 303 and location and "/jobs/" in location, f"the commitment started as a job ({status} {location})")
    job = location.rsplit("/", 1)[-1]
    time.sleep(3)
    state = json.loads(c.request("GET", f"/api/jobs/{job}")[2])["state"]
    check(state == "running", f"the job is still running when the server is killed ({state})")
    server.kill()
    server = Server(binary, data, server.port).start()
    c.server = server
    j = json.loads(c.request("GET", f"/api/jobs/{job}")[2])
    check(j["state"] == "failed", f"after the restart the job is failed, not running ({j['state']}: {j.get('message')})")
    a = json.loads(c.request("GET", f"/api/assemblies/{aid}")[2])
    check(a["steps"]["registrations"] and a["steps"]["quotas"] and not a["steps"]["commit"], "the assembly is intact and has no commitment")
    runs = os.path.join(data, "runs", str(aid))
    visible = [n for n in os.listdir(runs)] if os.path.isdir(runs) else []
    visible = [n for n in visible if not n.startswith(".")]
    check(visible == [], f"no run folder was published half-done ({visible})")

    print("Kill during an upload (a large register, sent slowly)")
    db = sqlite3.connect(os.path.join(data, "kleroterion.sqlite"))
    stored_before = db.execute("SELECT COUNT(*) FROM storedFile").fetchone()[0]
    db.close()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.putrequest("PUT", f"/api/assemblies/{aid}/register")
    conn.putheader("Content-Type", "text/csv")
    conn.putheader("Content-Length", str(os.path.getsize(register)))
    conn.endheaders()
    with open(register, "rb") as f:
        conn.send(f.read(1_000_000))
    time.sleep(1)
    incoming = os.listdir(os.path.join(data, "files", ".incoming"))
    check(len(incoming) == 1, f"the upload is being written to an incoming file ({incoming})")
    server.kill()
    conn.close()
    server = Server(binary, data, server.port).start()
    c.server = server
    check(os.listdir(os.path.join(data, "files", ".incoming")) == [], "after the restart the half upload is gone")
    db = sqlite3.connect(os.path.join(data, "kleroterion.sqlite"))
    check(db.execute("SELECT COUNT(*) FROM storedFile").fetchone()[0] == stored_before, "no stored file was added")
    check(db.execute("SELECT registerFile FROM assembly WHERE id = ?", (aid,)).fetchone()[0] is None, "the assembly has no register")
    db.close()
    status, location, _ = c.form(f"/assemblies/{aid}/commit", [("seedFormat", "dice:10"), ("seedSource", "dobbelsteen"),
                                                                 ("notBefore", "2020-01-01T00:00"), ("panels", "1000")])
    job = location.rsplit("/", 1)[-1]
    for _ in range(1800):
        j = json.loads(c.request("GET", f"/api/jobs/{job}")[2])
        if j["state"] != "running":
            break
        time.sleep(0.5)
    check(j["state"] == "done", f"the commitment, started again, finishes ({j['state']}: {j.get('message')})")
    server.stop()
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("restart: all checks passed")


if __name__ == "__main__":
    main()
