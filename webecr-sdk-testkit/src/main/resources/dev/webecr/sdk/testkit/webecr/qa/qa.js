// The QA page of the fake WebECR server: polls /_fake/terminals and /_fake/requests, and presses
// keys through POST /_fake/terminals/{tid}/{action}. No framework, no build step, no network.
(function () {
  "use strict";
  const PROFILES = ["APPROVE", "DECLINE", "CANCEL", "FAIL", "BUSY", "MAX_TRANSACTIONS",
    "NO_ANSWER", "SLOW", "LATE", "MANUAL"];
  const KEYS = [["approve", "Approve"], ["decline", "Decline"], ["cancel", "Cancel"],
    ["fail", "Fail"], ["unknown", "Unknown"], ["lose-link", "Lose link"],
    ["time-out", "Time out"], ["approve-after", "Approve in 5 s"]];
  const cards = new Map();
  const $ = (id) => document.getElementById(id);

  function euros(cents) {
    return (cents / 100).toFixed(2) + " EUR";
  }

  async function post(path) {
    const r = await fetch(path, { method: "POST" });
    const body = await r.json();
    if (!r.ok) {
      $("status").textContent = "Refused: " + (body.error || r.status);
    }
    return body;
  }

  function screenOf(t) {
    if (t.state === "idle") {
      if (t.batchFull) {
        return ["BATCH FULL", "close the batch to pay again"];
      }
      const last = t.lastResult
        ? "last: " + t.lastResult + " " + euros(t.lastAmountCents) +
          (t.lastReference ? " · " + t.lastReference : "")
        : "no payment yet";
      return [t.lastResult === "BUSY" ? "BUSY" : "READY", t.profile + " · " + last];
    }
    const what = (t.kind === "SALE" ? "" : t.kind + " ") + euros(t.amountCents);
    if (t.state === "in-dialogue") {
      return [what, "connecting…"];
    }
    return [what + " — insert card", t.reference + (t.waitsForPerson ? " · waiting for you" : "")];
  }

  function card(t) {
    const el = document.createElement("article");
    el.className = "terminal";
    el.dataset.tid = t.tid;
    el.setAttribute("aria-label", "Terminal " + t.tid);
    el.innerHTML =
      '<div class="title"><strong></strong><span class="ids"></span></div>' +
      '<div class="screen" aria-live="polite"><span class="line"></span><small></small></div>' +
      '<div class="keys"></div>' +
      '<div class="row"><label>Profile <select></select></label>' +
      '<button type="button" data-action="close-batch">Close batch</button>' +
      '<span class="batch muted"></span></div>';
    el.querySelector("strong").textContent = t.label;
    el.querySelector(".ids").textContent = "TID " + t.tid + " · call id " + t.callId;
    const keys = el.querySelector(".keys");
    for (const [action, label] of KEYS) {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.action = action;
      b.className = action === "approve" ? "approve" : action === "cancel" ? "cancel" : "";
      b.textContent = label;
      b.setAttribute("aria-label", label + " on terminal " + t.tid);
      b.addEventListener("click", () => press(t.tid, action));
      keys.appendChild(b);
    }
    const select = el.querySelector("select");
    for (const p of PROFILES) {
      const o = document.createElement("option");
      o.value = o.textContent = p;
      select.appendChild(o);
    }
    select.addEventListener("change", () =>
      post("/_fake/terminals/" + t.tid + "/profile?profile=" + select.value).then(refresh));
    el.querySelector('[data-action="close-batch"]').addEventListener("click", () =>
      post("/_fake/terminals/" + t.tid + "/close-batch").then(refresh));
    return el;
  }

  function press(tid, action) {
    const path = action === "approve-after"
      ? "/_fake/terminals/" + tid + "/approve-after?seconds=5"
      : "/_fake/terminals/" + tid + "/" + action;
    post(path).then(refresh);
  }

  function render(t) {
    let el = cards.get(t.tid);
    if (!el) {
      el = card(t);
      cards.set(t.tid, el);
      $("terminals").appendChild(el);
    }
    const [line, small] = screenOf(t);
    el.querySelector(".line").textContent = line;
    el.querySelector("small").textContent = small;
    el.dataset.state = t.state;
    el.classList.toggle("busy", t.state !== "idle");
    el.classList.toggle("full", !!t.batchFull);
    for (const b of el.querySelectorAll(".keys button")) {
      b.disabled = t.state === "idle";
    }
    const select = el.querySelector("select");
    if (document.activeElement !== select) {
      select.value = t.profile;
    }
    el.querySelector(".batch").textContent = "batch " + t.batchCount;
  }

  async function refresh() {
    try {
      const [terminals, requests] = await Promise.all([
        fetch("/_fake/terminals").then((r) => r.json()),
        fetch("/_fake/requests?limit=30").then((r) => r.json())]);
      $("redeem-code").textContent = $("redeem-code").dataset.issued || terminals.redeemCode;
      const seen = new Set();
      for (const t of terminals.terminals) {
        render(t);
        seen.add(t.tid);
      }
      for (const [tid, el] of cards) {
        if (!seen.has(tid)) {
          el.remove();
          cards.delete(tid);
        }
      }
      const list = $("requests");
      list.replaceChildren(...requests.requests.slice().reverse().map((line) => {
        const li = document.createElement("li");
        li.textContent = line;
        return li;
      }));
      $("status").textContent = "Live · " + new Date().toLocaleTimeString();
    } catch (e) {
      $("status").textContent = "The fake server does not answer: " + e;
    }
  }

  $("new-code").addEventListener("click", () => post("/_fake/redeem-code").then((b) => {
    $("redeem-code").dataset.issued = b.code;
    refresh();
  }));
  $("revoke").addEventListener("click", () => post("/_fake/api-keys/revoke").then(refresh));
  $("reset").addEventListener("click", () => {
    delete $("redeem-code").dataset.issued;
    post("/_fake/reset").then(refresh);
  });
  refresh();
  setInterval(refresh, 500);
})();
