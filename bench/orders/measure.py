"""Posts one CSV order per size to the running app and prints seconds and memory growth as a markdown table."""
import json
import sys
import threading
import time
import urllib.request
import uuid

BASE, PID, OUT, SIZES = sys.argv[1], int(sys.argv[2]), sys.argv[3], [int(s) for s in sys.argv[4:]]


def call(method, path, body=None, token=None, content_type="application/json", key=None):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if key:
        request.add_header("Idempotency-Key", key)
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.status, json.loads(response.read() or b"null")


def token(sub, role, org=None):
    body = {"sub": sub, "roles": [role], "marketplace": "US"}
    if org:
        body["org"] = org
    return call("POST", "/api/dev/tokens", body)[1]["token"]


def resident_kib():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def csv(lines):
    rows = ["recipientName,email,phone,channel,amount,currency,message"]
    rows += [f"Recipient {i},r{i}@example.com,,email,25.00,USD,Thank you for a great year" for i in range(lines)]
    return ("\r\n".join(rows) + "\r\n").encode()


org = "bench-" + uuid.uuid4().hex[:8]
admin, buyer = token("ops-1", "admin"), token("buyer-1", "corporate", org)
call("POST", f"/api/orgs/{org}/funding", {"amount": {"amount": 10_000_000_00, "currency": "USD"},
                                         "reference": "bench"}, admin, key=uuid.uuid4().hex)
print("| lines | to 202 (s) | to all issued (s) | lines issued a second | to all sent (s) |"
      " lines issued and sent a second after the 202 | resident memory growth during intake (MB) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for size in SIZES:
    body = csv(size)
    before, peak, done = resident_kib(), [0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], resident_kib())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.monotonic()
    status, placed = call("POST", "/api/orders?externalRef=bench&marketplace=US&senderName=Bench", body, buyer,
                          "text/csv", uuid.uuid4().hex)
    accepted = time.monotonic() - start
    done.set()
    sampler.join()
    assert status == 202, (status, placed)
    while True:
        order = call("GET", f"/api/orders/{placed['orderId']}", token=buyer)[1]
        if order["counts"]["issued"] == size:
            break
        time.sleep(0.2)
    issued = time.monotonic() - start
    while order["counts"]["sent"] + order["counts"]["failed"] < size:
        time.sleep(0.2)
        order = call("GET", f"/api/orders/{placed['orderId']}", token=buyer)[1]
    sent = time.monotonic() - start
    print(f"| {size:,} | {accepted:.1f} | {issued:.1f} | {size / (issued - accepted):.0f} | {sent:.1f} | "
          f"{size / (sent - accepted):.0f} | {(peak[0] - before) / 1024:.0f} |")
