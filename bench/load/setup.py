"""Prepares a load run against the local app: shopper tokens, a funded reader, and claim codes to redeem.

setup.py BASE OUT CARDS          tokens, and CARDS codes in OUT/codes.txt
setup.py --more BASE OUT CARDS   CARDS more codes appended to OUT/codes.txt, by the issuer of the first call
"""
import json
import sys
import urllib.request
import uuid

more = sys.argv[1] == "--more"
base, out, cards = sys.argv[1 + more], sys.argv[2 + more], int(sys.argv[3 + more])


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


def issue(issuer, count):
    codes = []
    while len(codes) < count:
        batch = min(1000, count - len(codes))
        issued = post("/api/cards", {"count": batch, "value": {"amount": 100, "currency": "USD"},
                                     "marketplace": "US", "kind": "digital"}, issuer, "load-" + uuid.uuid4().hex)
        codes += [c["code"] for c in issued["cards"]]
    return codes


if more:
    with open(f"{out}/issuer.txt") as f:
        issuer = f.read().strip()
    with open(f"{out}/codes.txt", "a") as f:
        f.write("".join(code + "\n" for code in issue(issuer, cards)))
    sys.exit(0)

issuer = token("issuer-load", "issuer")
reader = token("reader-" + uuid.uuid4().hex, "customer")
post("/api/redemptions", {"code": issue(issuer, 1)[0]}, reader)
# One shopper per request in flight, more or less: redemptions into one account would queue on its ledger.
shoppers = [token("load-" + uuid.uuid4().hex, "customer") for _ in range(256)]
for name, lines in (("issuer", [issuer]), ("reader", [reader]), ("tokens", shoppers), ("codes", issue(issuer, cards))):
    with open(f"{out}/{name}.txt", "w") as f:
        f.write("".join(line + "\n" for line in lines))
