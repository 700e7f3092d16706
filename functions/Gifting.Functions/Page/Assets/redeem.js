import { display, parse, suggestion, symbolsOf } from "./claim-code.js";

const $ = (id) => document.getElementById(id);
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? "";
const config = {
  signIn: meta("gifting-sign-in"),
  authority: meta("gifting-oidc-authority").replace(/\/+$/, ""),
  clientId: meta("gifting-oidc-client-id"),
  scope: meta("gifting-oidc-scope"),
};
const store = window.sessionStorage;
const SITES = {
  US: "United States", CA: "Canada", GB: "United Kingdom", DE: "Germany", FR: "France", IT: "Italy",
  ES: "Spain", JP: "Japan", AU: "Australia",
};

// The link token is read once and leaves the address bar at once, before anything else can see the URL.
const query = new URLSearchParams(window.location.search);
let linkToken = query.get("t") ?? store.getItem("gifting.link");
store.removeItem("gifting.link");
const oidcReturn = query.has("code") && query.has("state")
  ? { code: query.get("code"), state: query.get("state") }
  : null;
if (window.location.search) window.history.replaceState(null, "", window.location.pathname);

let token = store.getItem("gifting.token");

function money(m) {
  const format = new Intl.NumberFormat(undefined, { style: "currency", currency: m.currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(m.amount / 10 ** digits);
}

function date(iso) {
  return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
}

function when(seconds) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const at = new Date(Date.now() + seconds * 1000)
    .toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  return `${minutes} minute${minutes === 1 ? "" : "s"} (at ${at})`;
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store",
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: response.status, json, retryAfter: Number(response.headers.get("Retry-After") ?? "0") };
}

function say(message, kind = "info") {
  const outcome = $("outcome");
  outcome.className = `outcome ${kind}`;
  outcome.replaceChildren();
  const p = document.createElement("p");
  p.textContent = message;
  outcome.append(p);
  if (kind === "error") outcome.setAttribute("role", "alert"); else outcome.setAttribute("role", "status");
}

/** Plain words for every answer the redemption route gives. */
function explain(answer) {
  const { status, json, retryAfter } = answer;
  const code = json?.code;
  if (status === 200) {
    return [`Done: ${money(json.card.value)} from the card ending ${json.card.last4} is in your balance.`, "success"];
  }
  if (status === 202) {
    return ["Thanks. We check some cards before adding them, to keep gifts safe. Its value shows as being checked "
      + "in your balance and is added when the check is done, usually within a day. You don't need to do anything "
      + "or enter the code again.", "info"];
  }
  if (status === 401) return ["Your sign-in has ended. Sign in again, then try once more.", "error"];
  switch (code) {
    case "invalid_code":
      return ["We couldn't find a gift card with this code. Check each character against the card and try again.",
        "error"];
    case "already_redeemed":
      return json.redeemedByYou
        ? [`This card is already in your balance since ${date(json.redeemedAt)}. Nothing more to do.`, "success"]
        : ["This card has already been redeemed. If that wasn't you, contact the store where it was bought and keep "
          + "your receipt.", "error"];
    case "card_not_activated":
      return ["This card hasn't been activated yet. Ask the store to activate it, and keep your receipt.", "error"];
    case "card_frozen":
      return ["This card is on hold, so it can't be redeemed right now. Contact customer support and keep the card "
        + "and your receipt.", "error"];
    case "account_frozen":
      return ["Your account is on hold, so gift cards can't be added right now. Your balance is safe. Contact "
        + "customer support to sort it out.", "error"];
    case "region_mismatch": {
      const site = SITES[json.cardMarketplace] ?? "its own country's";
      return [`This card is for the ${site} site. Redeem it there: your balance here can't take it.`, "error"];
    }
    case "too_many_attempts":
      return [`Too many attempts. For your safety, try again in ${when(retryAfter || 60)}.`, "error"];
    case "service_busy":
      return ["We're very busy right now. Try again in a minute; your card is safe.", "error"];
    default:
      return ["Something went wrong on our side. Your card is safe: try again in a few minutes.", "error"];
  }
}

// --- Sign-in -------------------------------------------------------------------------------------------------

function showAccount() {
  const signedIn = Boolean(token);
  $("signed-in").hidden = !signedIn;
  $("signed-out").hidden = signedIn;
  $("who").textContent = store.getItem("gifting.who") ?? "";
  $("local-sign-in").hidden = config.signIn !== "local";
  $("sign-in-oidc").hidden = config.signIn !== "oidc";
  $("sign-in-unavailable").hidden = config.signIn === "local" || config.signIn === "oidc";
  $("balance-section").hidden = !signedIn;
}

function signedIn(newToken, who) {
  token = newToken;
  store.setItem("gifting.token", newToken);
  store.setItem("gifting.who", who);
  showAccount();
}

async function signInLocal() {
  const marketplace = $("marketplace").value;
  const sub = `test-shopper-${crypto.getRandomValues(new Uint32Array(1))[0].toString(16)}`;
  const answer = await api("POST", "/api/dev/tokens", { sub, roles: ["customer"], marketplace });
  if (answer.status !== 200) { say("Could not sign in as a test shopper.", "error"); return; }
  signedIn(answer.json.token, `${sub} (${SITES[marketplace]})`);
  await afterSignIn();
}

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
  .replace(/=+$/, "");

async function discovery() {
  const response = await fetch(`${config.authority}/.well-known/openid-configuration`,
    { credentials: "omit", referrerPolicy: "no-referrer" });
  return response.json();
}

async function signInOidc() {
  const provider = await discovery();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256",
    new TextEncoder().encode(verifier))));
  store.setItem("gifting.oidc", JSON.stringify({ verifier, state }));
  if (linkToken) store.setItem("gifting.link", linkToken);
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code", client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state, code_challenge: challenge, code_challenge_method: "S256",
  }).toString();
  window.location.assign(url.toString());
}

function redirectUri() {
  return `${window.location.origin}/redeem`;
}

async function finishOidc() {
  const pending = JSON.parse(store.getItem("gifting.oidc") ?? "null");
  store.removeItem("gifting.oidc");
  if (!pending || pending.state !== oidcReturn.state) { say("Sign-in did not complete. Try again.", "error"); return; }
  const provider = await discovery();
  const response = await fetch(provider.token_endpoint, {
    method: "POST", credentials: "omit", referrerPolicy: "no-referrer",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", code: oidcReturn.code, redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) { say("Sign-in did not complete. Try again.", "error"); return; }
  const tokens = await response.json();
  const claims = JSON.parse(atob((tokens.id_token ?? tokens.access_token).split(".")[1]
    .replace(/-/g, "+").replace(/_/g, "/")));
  signedIn(tokens.access_token, claims.name ?? claims.email ?? claims.sub ?? "you");
}

function signOut() {
  token = null;
  store.removeItem("gifting.token");
  store.removeItem("gifting.who");
  showAccount();
  say("You are signed out.");
}

// --- The claim code field ------------------------------------------------------------------------------------

const field = $("code");

function formatField() {
  const before = field.value;
  const caret = field.selectionStart ?? before.length;
  const symbols = symbolsOf(before);
  if (symbols === null || symbols.length > 15) { checkField(); return; }
  const typedBeforeCaret = symbolsOf(before.slice(0, caret))?.length ?? symbols.length;
  const shown = display(symbols);
  field.value = shown;
  let position = 0;
  for (let seen = 0; position < shown.length && seen < typedBeforeCaret; position++) {
    if (shown[position] !== "-") seen++;
  }
  field.setSelectionRange(position, position);
  checkField();
}

function checkField() {
  const parsed = parse(field.value);
  const check = $("code-check");
  $("suggestion").hidden = true;
  field.setAttribute("aria-invalid", "false");
  if (parsed.state === "malformed") {
    check.textContent = "That doesn't look like a claim code: it has letters or signs that codes never use.";
    field.setAttribute("aria-invalid", "true");
  } else if (parsed.state === "typo") {
    check.textContent = "One of the characters looks mistyped. Check the code against the card.";
    field.setAttribute("aria-invalid", "true");
    const fix = suggestion(parsed.symbols);
    if (fix) {
      $("suggested").textContent = display(fix);
      $("suggestion").hidden = false;
    }
  } else if (parsed.state === "valid") {
    check.textContent = "The code looks right.";
  } else {
    check.textContent = "";
  }
  return parsed;
}

async function redeem(body) {
  if (!token) { say("Sign in first, then redeem.", "error"); return null; }
  const answer = await api("POST", "/api/redemptions", body);
  const [message, kind] = explain(answer);
  say(message, kind);
  $("outcome").focus();
  if (answer.status === 200 || answer.status === 202 || answer.json?.redeemedByYou) await loadBalance();
  return answer;
}

async function submitCode(event) {
  event.preventDefault();
  const parsed = checkField();
  if (parsed.state === "incomplete") {
    say(`A claim code has 15 characters; this one has ${parsed.symbols.length}.`, "error");
    field.focus();
    return;
  }
  if (parsed.state !== "valid") {
    say("Check the code: it can't be right as typed.", "error");
    field.focus();
    return;
  }
  $("redeem").disabled = true;
  try {
    const answer = await redeem({ code: parsed.symbols });
    if (answer?.status === 200 || answer?.json?.redeemedByYou) {
      field.value = "";
      checkField();
    }
  } finally {
    $("redeem").disabled = false;
  }
}

// --- The one-click landing -----------------------------------------------------------------------------------

async function showGift() {
  if (!linkToken) return;
  const gift = $("gift");
  gift.hidden = false;
  $("gift-body").hidden = true;
  if (!token) {
    $("gift-state").textContent = "Someone sent you a gift card. Sign in to see it and add it to your balance.";
    return;
  }
  const answer = await api("POST", "/api/link-previews", { linkToken });
  const state = $("gift-state");
  if (answer.status !== 200) {
    const [message] = answer.json?.code === "invalid_code"
      ? ["This link doesn't work: it may be incomplete or not a gift link. You can still type the claim code from "
        + "the same message below."]
      : explain(answer);
    state.textContent = message;
    linkToken = null;
    return;
  }
  const preview = answer.json;
  if (preview.state === "expired") {
    state.textContent = "This link has expired. The claim code in the same message still works: type it below.";
    linkToken = null;
  } else if (preview.state === "redeemed") {
    state.textContent = preview.redeemedByYou
      ? `This gift is already in your balance since ${date(preview.redeemedAt)}.`
      : "This gift has already been used. If you didn't use it, contact the sender. You can type another code below.";
    linkToken = null;
  } else {
    $("gift-from").textContent = preview.senderName ? `From ${preview.senderName}` : "A gift card for you";
    $("gift-message").hidden = !preview.message;
    $("gift-message").textContent = preview.message ?? "";
    $("gift-amount").textContent = money(preview.amount);
    $("gift-last4").textContent = `Card ending ${preview.last4}`;
    $("gift-body").hidden = false;
    state.textContent = "";
  }
}

async function applyGift() {
  const button = $("apply");
  button.disabled = true;
  const answer = await redeem({ linkToken });
  if (answer && (answer.status === 200 || answer.status === 202 || answer.status === 409)) {
    $("gift-body").hidden = true;
    $("gift-state").textContent = answer.status === 202 ? "This gift is being checked." : "";
    linkToken = null;
  } else {
    button.disabled = false;
  }
}

// --- Balance, activity, preferences --------------------------------------------------------------------------

const ACTIVITY = {
  redemption: "Gift card added", debit: "Spent", refund: "Refund", promo_grant: "Promotional credit",
  promo_expiry: "Promotional credit expired", reload: "Balance reload", adjustment: "Adjustment",
  reversal: "Correction",
};

async function loadBalance() {
  if (!token) return;
  const [balance, activity, preferences] = await Promise.all([
    api("GET", "/api/balance"), api("GET", "/api/balance/activity?limit=10"), api("GET", "/api/balance/preferences"),
  ]);
  if (balance.status === 401) { signOut(); return; }
  if (balance.status !== 200) return;
  const b = balance.json;
  $("available").textContent = `${money(b.available)} available`;
  $("gift-balance").textContent = money(b.gift);
  $("promo-balance").textContent = money(b.promotional);
  $("pending-row").hidden = b.pendingReview.amount === 0;
  $("pending-balance").textContent = money(b.pendingReview);
  $("lots").replaceChildren(...b.promotionalLots.map((lot) => {
    const li = document.createElement("li");
    li.textContent = `${money(lot.amount)} promotional credit, expires ${date(lot.expiresAt)}`;
    return li;
  }));
  if (activity.status === 200) {
    const items = activity.json.items;
    $("no-activity").hidden = items.length > 0;
    $("activity").replaceChildren(...items.map((e) => {
      const li = document.createElement("li");
      const what = document.createElement("span");
      what.textContent = `${ACTIVITY[e.type] ?? e.type}, ${date(e.occurredAt)}`;
      const amount = document.createElement("span");
      amount.className = "amount-small";
      amount.textContent = money(e.amount);
      li.append(what, amount);
      return li;
    }));
  }
  if (preferences.status === 200) {
    $("apply-orders").checked = preferences.json.applyToOrders;
    $("apply-subscriptions").checked = preferences.json.applyToSubscriptions;
  }
}

async function savePreferences() {
  const body = { applyToOrders: $("apply-orders").checked, applyToSubscriptions: $("apply-subscriptions").checked };
  const answer = await api("PUT", "/api/balance/preferences", body);
  $("preferences-state").textContent = answer.status === 200 ? "Saved." : "Could not save. Try again.";
}

async function afterSignIn() {
  await Promise.all([loadBalance(), showGift()]);
}

// --- Wiring --------------------------------------------------------------------------------------------------

field.addEventListener("input", formatField);
$("redeem-form").addEventListener("submit", submitCode);
$("use-suggestion").addEventListener("click", () => {
  field.value = $("suggested").textContent;
  checkField();
  field.focus();
});
$("sign-in-local").addEventListener("click", signInLocal);
$("sign-in-oidc").addEventListener("click", signInOidc);
$("sign-out").addEventListener("click", signOut);
$("apply").addEventListener("click", applyGift);
$("apply-orders").addEventListener("change", savePreferences);
$("apply-subscriptions").addEventListener("change", savePreferences);

showAccount();
if (oidcReturn) await finishOidc();
await afterSignIn();
document.body.dataset.ready = "true";
