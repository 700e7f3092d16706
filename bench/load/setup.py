"""Prepares a load run against the local app: shopper tokens, a funded shopper, and claim codes to redeem."""
import json
import sys
import urllib.request
import uuid

base, out, cards = sys.argv[1], sys.argv[2], int(sys.argv[3])


def post(path, body, token=None, key=None):
    request = urllib.request.Request(base + path, json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if key:
        request.add_header("Idempotency-Key", key)
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def token(sub, role):
    return post("/api/dev/tokens", {"sub": sub, "roles": [role], "marketplace": "US"})["token"]


issuer = token("issuer-load", "issuer")
codes = []
while len(codes) < cards:
    batch = min(1000, cards - len(codes))
    issued = post("/api/cards", {"count": batch, "value": {"amount": 100, "currency": "USD"}, "marketplace": "US",
                                 "kind": "digital"}, issuer, "load-" + uuid.uuid4().hex)
    codes += [c["code"] for c in issued["cards"]]
reader = token("reader-" + uuid.uuid4().hex, "customer")
post("/api/redemptions", {"code": codes.pop()}, reader)
# One shopper per request in flight, more or less: redemptions into one account would queue on its ledger.
shoppers = [token("load-" + uuid.uuid4().hex, "customer") for _ in range(256)]
with open(f"{out}/codes.txt", "w") as f:
    f.write("\n".join(codes) + "\n")
with open(f"{out}/tokens.txt", "w") as f:
    f.write("\n".join(shoppers) + "\n")
with open(f"{out}/reader.txt", "w") as f:
    f.write(reader + "\n")
