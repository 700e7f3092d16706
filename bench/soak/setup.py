"""Sets up a soak run through the public API only, and writes what the wrk scripts need into DIR (one item a line).

setup.py BASE DIR CODES PROBERS

  run.txt        an id for this run, in keys, order references and recipients
  codes.txt      CODES fresh claim codes, 1.00 USD each
  tokens.txt     one shopper token for every 4 fresh codes: a fifth code within an hour would be held for review
  spent.txt      codes already redeemed here, into accounts of their own
  probers.txt    PROBERS shopper tokens that send unknown and spent codes
  readers.txt    shopper tokens for balance reads
  accounts.txt   accounts the checkout debits, each reloaded with 1,000,000.00 USD
  checkout.txt   a checkout service token
  buyer.txt      a corporate buyer's token, its org funded with 10,000,000.00 USD

Prints counts only: never a code or a token.
"""
import json
import math
import sys
import time
import urllib.request
import uuid

BASE, DIR, CODES, PROBERS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
RUN = uuid.uuid4().hex[:8]
CODES_PER_SHOPPER = 4
DEBIT_ACCOUNTS = 8


def post(path, body, token=None, key=None):
    request = urllib.request.Request(BASE + path, json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if key:
        request.add_header("Idempotency-Key", key)
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def token(sub, role, org=None):
    body = {"sub": sub, "roles": [role], "marketplace": "US"}
    if org:
        body["org"] = org
    return post("/api/dev/tokens", body)["token"]


def issue(issuer, count):
    codes = []
    while len(codes) < count:
        batch = min(1000, count - len(codes))
        issued = post("/api/cards", {"count": batch, "value": {"amount": 100, "currency": "USD"},
                                     "marketplace": "US", "kind": "digital"}, issuer, f"soak-{uuid.uuid4().hex}")
        codes += [c["code"] for c in issued["cards"]]
    return codes


def write(name, lines):
    with open(f"{DIR}/{name}", "w") as f:
        f.write("".join(line + "\n" for line in lines))


started = time.monotonic()
issuer = token(f"soak-issuer-{RUN}", "issuer")
shoppers = [token(f"soak-s-{RUN}-{k}", "customer") for k in range(math.ceil(CODES / CODES_PER_SHOPPER))]
codes = issue(issuer, CODES)

spent = issue(issuer, 20)
for k, code in enumerate(spent):
    owner = token(f"soak-spent-{RUN}-{k // CODES_PER_SHOPPER}", "customer")
    post("/api/redemptions", {"code": code}, owner)
probers = [token(f"soak-p-{RUN}-{k}", "customer") for k in range(PROBERS)]

checkout = token(f"soak-checkout-{RUN}", "checkout")
accounts = [f"soak-d-{RUN}-{k}" for k in range(DEBIT_ACCOUNTS)]
for account in accounts:
    post(f"/api/accounts/{account}/reloads",
         {"paymentId": f"soak-{RUN}-{account}", "amount": {"amount": 1_000_000_00, "currency": "USD"}}, checkout)
readers = [token(account, "customer") for account in accounts] + shoppers[:64]

org = f"soak-{RUN}"
admin = token(f"soak-admin-{RUN}", "admin")
post(f"/api/orgs/{org}/funding", {"amount": {"amount": 10_000_000_00, "currency": "USD"}, "reference": "soak"},
     admin, f"soak-{RUN}-funding")
buyer = token(f"soak-buyer-{RUN}", "corporate", org)

for name, lines in (("run.txt", [RUN]), ("codes.txt", codes), ("tokens.txt", shoppers), ("spent.txt", spent),
                    ("probers.txt", probers), ("readers.txt", readers), ("accounts.txt", accounts),
                    ("checkout.txt", [checkout]), ("buyer.txt", [buyer]), ("org.txt", [org])):
    write(name, lines)
print(f"set up in {time.monotonic() - started:.0f} s: {len(codes)} fresh codes for {len(shoppers)} shoppers, "
      f"{len(spent)} spent codes, {len(probers)} probers, {len(accounts)} debit accounts, org funded",
      file=sys.stderr)
